import { noLoggingRejections } from './no-logging-rejections';
import { fdkRuleTester } from './rule-tester';

const message = 'This rejection handler only logs the error. Handle it: tell the user, return a fallback, or rethrow.';

fdkRuleTester().run('no-logging-rejections', noLoggingRejections, {
  valid: [
    'p.catch(handleError);',
    'p.catch((e) => notify(e));',
    'p.catch(function (e) { console.error(e); notify(e); });',
    'p.catch((e) => { console.error(e); throw e; });',
    'p.then(console.log);',
    'p.then(use, (e) => renderData(e));',
    'p.finally(() => console.log("done"));',
    'p.catch(logger.error);',
    'p.catch(() => {});',
  ],
  invalid: [
    { code: 'p.catch(console.error);', errors: [{ message, line: 1, column: 9 }] },
    { code: 'p.catch((e) => console.log(e));', errors: [{ message }] },
    { code: 'p.catch(function (e) { console.error(e); });', errors: [{ message }] },
    { code: "p.catch((e) => { console.warn('failed'); console.error(e); });", errors: [{ message }] },
    { code: 'p.then(use, console.error);', errors: [{ message, column: 13 }] },
    { code: 'p.then(use, function (e) { console.info(e); });', errors: [{ message }] },
    { code: 'p?.catch(console.error);', errors: [{ message }] },
  ],
});
