/* global window, document */
/*
 * The app's settings page (platform.md §8.2). The platform calls three globals:
 * getConfigs(saved) when an admin edits the settings, then validate() and postConfigs() on
 * every Install and every Save. validate() has the server method `checkSettings` check
 * everything (the domain and key with a real call, the custom field names against the
 * account), because the platform runs onAppInstall on install only: a wrong key saved later
 * would break every sidebar. Secure settings are never given back to this page, so they are
 * typed again on every save.
 */
(function settingsPage() {
  'use strict';

  const SECURE = ['api_key', 'webhook_secret'];
  const WEBHOOK_EVENTS = [
    'deal.won', 'deal.lost', 'deal.created', 'deal.stage_changed', 'contact.created', 'contact.updated', 'contact.list_added', 'account.created', 'account.updated',
  ];
  const AGAIN = 'It is stored encrypted and never shown again, so enter it each time you save these settings.';

  const sectionsHint = (sections) => `The sections, in order, separated by commas. Available: ${sections}.`;
  const customFieldsHint = (records) => `Custom fields the ${records} summary shows: "all", "none", or their internal names in order, like cf_tier, cf_budget.`;

  /** Each sidebar's setting prefix, its name, and its sections in their default order. */
  const SIDEBARS = [
    ['contact', 'Contact', 'summary, accounts, deals, tasks, appointments, activities, notes'],
    ['deal', 'Deal', 'summary, contacts, account, tasks, appointments, activities, notes'],
    ['account', 'Account', 'summary, pipeline, contacts, deals, tasks'],
  ];

  const sidebarFields = ([prefix, title, sections]) => [
    { name: `${prefix}_sections`, label: `${title} sidebar sections`, kind: 'text', value: sections, hint: sectionsHint(sections) },
    { name: `${prefix}_custom_fields`, label: `${title} custom fields`, kind: 'text', value: 'all', hint: customFieldsHint(prefix) },
  ];

  /** Every setting, in the order shown; `group` starts a new fieldset. */
  const FIELDS = [
    { group: 'Freshsales account' },
    {
      name: 'domain', label: 'Freshsales Suite domain', kind: 'text', required: true, value: '', placeholder: 'acme.myfreshworks.com',
      hint: "Your account's host, for example acme.myfreshworks.com (pasting https://acme.myfreshworks.com/ works too). The bundle alias is shown under your API key in Profile settings > API settings.",
    },
    {
      name: 'api_key', label: 'Freshsales API key', kind: 'secret', required: true,
      hint: `Profile settings > API settings. The app acts with this user's permissions. ${AGAIN}`,
    },
    { group: 'Sidebars' },
    ...SIDEBARS.flatMap(sidebarFields),
    { group: 'Automations' },
    {
      name: 'deal_won_enabled', label: 'Deal won: follow up', kind: 'checkbox', value: true,
      hint: 'When a deal moves into a won stage: create the follow-up tasks below for its owner, move its contacts to the lifecycle stage below, and add a note saying what was done. Once per win.',
    },
    {
      name: 'deal_won_tasks', label: 'Deal won: follow-up tasks', kind: 'text', value: 'Send a welcome pack | 1; Book the kickoff call | 3',
      hint: 'Each task as "Title | days until due", separated by semicolons. Leave empty for none.',
    },
    {
      name: 'deal_won_lifecycle_stage', label: 'Deal won: move contacts to lifecycle stage', kind: 'text', value: 'Customer',
      hint: 'The lifecycle stage as it appears in Freshsales, for example Customer. Leave empty to leave contacts as they are.',
    },
    {
      name: 'deal_lost_enabled', label: 'Deal lost: add a note', kind: 'checkbox', value: true,
      hint: 'When a deal moves into a lost stage: add a note with the lost reason, and create the task below if there is one. Once per loss.',
    },
    { name: 'deal_lost_task', label: 'Deal lost: follow-up task', kind: 'text', value: '', hint: 'Optional, as "Title | days until due", for example: Ask for feedback | 7.' },
    {
      name: 'contact_hygiene_enabled', label: 'New contacts: tidy up and flag duplicates', kind: 'checkbox', value: true,
      hint: "When a contact is created: lower-case its emails, write phone numbers in international format where the country is known, link it to the account whose website matches its email domain (never for free mail), and flag likely duplicates with a note and a task for its owner.",
    },
    {
      name: 'phone_default_country', label: 'New contacts: default phone country', kind: 'text', value: '',
      hint: 'Two-letter country code (US, DE, IN…) for phone numbers of contacts whose country is not set. Leave empty to change only numbers that start with +.',
    },
    { group: 'Webhooks' },
    { name: 'webhook_host', label: 'Webhooks: receiver host', kind: 'text', value: '', hint: 'Host name of your HTTPS endpoint, like hooks.example.com. Leave empty to send no webhooks.' },
    { name: 'webhook_path', label: 'Webhooks: receiver path', kind: 'text', value: '/', hint: 'The path on that host, for example /freshsales/events.' },
    {
      name: 'webhook_secret', label: 'Webhooks: signing secret', kind: 'secret',
      hint: `Needed when a receiver host is set: whsec_ followed by 24 to 64 random bytes in Base64 (echo whsec_$(openssl rand -base64 32)). ${AGAIN}`,
    },
    { name: 'webhook_events', label: 'Webhooks: events', kind: 'choices', options: WEBHOOK_EVENTS, value: ['deal.won', 'deal.created', 'contact.created', 'contact.list_added'], hint: 'The CRM events to send.' },
    {
      name: 'webhook_max_attempts', label: 'Webhooks: attempts per delivery', kind: 'number', value: 8,
      hint: 'How many times a delivery is tried when your endpoint fails, with growing delays. After that it is kept as dead and can be replayed.',
    },
  ];

  const settingFields = FIELDS.filter((field) => field.name !== undefined);
  const form = document.getElementById('settings-form');
  const status = document.getElementById('settings-status');
  const clientReady = window.app === undefined ? Promise.reject(new Error('the platform client did not load')) : window.app.initialized();
  clientReady.catch(() => undefined);
  /** What the last successful check answered: the values to save, without the secrets. */
  let checked;

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  const idOf = (name, part) => `setting-${name}${part ? `-${part}` : ''}`;

  function input(field) {
    const described = `${idOf(field.name, 'hint')} ${idOf(field.name, 'error')}`;
    const attributes = { id: idOf(field.name), name: field.name, 'aria-describedby': described };
    if (field.kind === 'secret') return element('input', { ...attributes, type: 'password', autocomplete: 'new-password', spellcheck: 'false' });
    if (field.kind === 'number') return element('input', { ...attributes, type: 'number', min: '1', max: '20', step: '1' });
    return element('input', { ...attributes, type: 'text', spellcheck: 'false', ...(field.placeholder ? { placeholder: field.placeholder } : {}) });
  }

  function choices(field) {
    const boxes = field.options.map((option) => element('label', { class: 'choice' }, [element('input', { type: 'checkbox', name: field.name, value: option }), ` ${option}`]));
    return element('fieldset', { id: idOf(field.name), class: 'choices', 'aria-describedby': `${idOf(field.name, 'hint')} ${idOf(field.name, 'error')}` }, [element('legend', {}, [field.label]), ...boxes]);
  }

  function control(field) {
    if (field.kind === 'choices') return [choices(field)];
    if (field.kind === 'checkbox') {
      const box = element('input', { type: 'checkbox', id: idOf(field.name), name: field.name, 'aria-describedby': `${idOf(field.name, 'hint')} ${idOf(field.name, 'error')}` });
      return [element('label', { class: 'choice' }, [box, ` ${field.label}`])];
    }
    const mark = field.required ? [element('span', { class: 'required', 'aria-hidden': 'true' }, ['*'])] : [];
    return [element('label', { for: idOf(field.name) }, [field.label, ...mark]), input(field)];
  }

  function renderField(field) {
    const saved = field.kind === 'secret' ? [element('p', { class: 'again', id: idOf(field.name, 'again'), hidden: '' }, ['A value is saved. Enter it again to save these settings.'])] : [];
    return element('div', { class: 'field', 'data-name': field.name }, [
      ...control(field),
      ...saved,
      element('p', { class: 'hint', id: idOf(field.name, 'hint') }, [field.hint]),
      element('p', { class: 'error', id: idOf(field.name, 'error') }),
    ]);
  }

  function render() {
    let group;
    FIELDS.forEach((field) => {
      if (field.group !== undefined) {
        group = element('fieldset', { class: 'group' }, [element('legend', {}, [field.group])]);
        form.append(group);
      } else group.append(renderField(field));
    });
  }

  const controlsOf = (name) => Array.from(form.querySelectorAll('[name]')).filter((node) => node.name === name);

  const READ = {
    checkbox: (controls) => controls[0].checked,
    choices: (controls) => controls.filter((box) => box.checked).map((box) => box.value),
    // A whole number is saved as a number; anything else goes as typed, for the check to name.
    number: (controls) => (/^\s*\d+\s*$/.test(controls[0].value) ? Number(controls[0].value) : controls[0].value),
  };

  const WRITE = {
    checkbox: (controls, value) => (controls[0].checked = value === true || value === 'true'),
    choices: (controls, value) => controls.forEach((box) => (box.checked = Array.isArray(value) && value.includes(box.value))),
    secret: () => undefined,
  };

  function read(field) {
    const controls = controlsOf(field.name);
    return (READ[field.kind] || ((nodes) => nodes[0].value))(controls);
  }

  function write(field, value) {
    const controls = controlsOf(field.name);
    (WRITE[field.kind] || ((nodes, text) => (nodes[0].value = text === undefined || text === null ? '' : String(text))))(controls, value);
  }

  function showError(name, message) {
    const wrapper = form.querySelector(`.field[data-name="${name}"]`);
    if (wrapper === null) return false;
    wrapper.querySelector('.error').textContent = message || '';
    wrapper.classList.toggle('invalid', Boolean(message));
    controlsOf(name).forEach((node) => (message ? node.setAttribute('aria-invalid', 'true') : node.removeAttribute('aria-invalid')));
    return true;
  }

  function setStatus(text, kind) {
    status.textContent = text;
    status.className = `status ${kind || ''}`.trim();
    status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  /** Messages next to their fields; one that belongs to no field goes under the form. */
  function showErrors(errors) {
    const general = Object.entries(errors).filter(([name, message]) => !showError(name, message)).map(([, message]) => message);
    const first = settingFields.find((field) => errors[field.name] !== undefined);
    setStatus(general.length > 0 ? general.join(' ') : 'Some settings need attention: see the messages above.', 'error');
    if (first !== undefined) controlsOf(first.name)[0].focus();
  }

  function readAll() {
    return Object.fromEntries(settingFields.map((field) => [field.name, read(field)]));
  }

  function messageOf(error) {
    const message = error && typeof error === 'object' ? error.message || error.response : undefined;
    return typeof message === 'string' && message !== '' ? message : String(error);
  }

  async function check(settings) {
    const client = await clientReady;
    const answer = await client.request.invoke('checkSettings', { settings });
    return answer.response;
  }

  /** The platform calls this before postConfigs() on Install and Save; false keeps the page open. */
  async function validate() {
    checked = undefined;
    settingFields.forEach((field) => showError(field.name, ''));
    setStatus('Checking the settings with Freshsales…');
    let answer;
    try {
      answer = await check(readAll());
    } catch (error) {
      setStatus(`The settings could not be checked (${messageOf(error)}). Try again.`, 'error');
      return false;
    }
    if (!answer.ok) {
      showErrors(answer.errors);
      return false;
    }
    checked = answer.values;
    settingFields.filter((field) => field.kind !== 'secret' && field.name in checked).forEach((field) => write(field, checked[field.name]));
    setStatus('');
    return true;
  }

  /** What the platform saves: the checked values, the secrets as typed, and which are secure. */
  function postConfigs() {
    const values = checked || Object.fromEntries(settingFields.filter((field) => field.kind !== 'secret').map((field) => [field.name, read(field)]));
    const secrets = Object.fromEntries(SECURE.map((name) => [name, controlsOf(name)[0].value.trim()]));
    return { ...values, ...secrets, __meta: { secure: SECURE.slice() } };
  }

  /** Editing: the saved settings come back without the secure ones, which must be typed again. */
  function getConfigs(configs) {
    const saved = configs || {};
    settingFields.filter((field) => saved[field.name] !== undefined).forEach((field) => write(field, saved[field.name]));
    // The signing secret is saved only when webhooks are on.
    const again = saved.webhook_host ? SECURE : ['api_key'];
    again.forEach((name) => document.getElementById(idOf(name, 'again')).removeAttribute('hidden'));
  }

  render();
  settingFields.forEach((field) => write(field, field.value));
  form.addEventListener('input', (event) => {
    const field = event.target.closest('.field');
    if (field !== null) showError(field.getAttribute('data-name'), '');
  });
  Object.assign(window, { getConfigs, validate, postConfigs });
})();
