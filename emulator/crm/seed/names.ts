/**
 * Word lists for the demo data: people, companies, places and phrases from many countries, so
 * the data looks like a real international customer base and exercises unicode everywhere.
 * All companies and people are fictional. A name written "native|latin" is in a non-Latin
 * script; the Latin part is what its owner would use in an email address.
 */

/** [city, state (or null), zipcode (or null), Rails time zone name]. */
export type City = readonly [city: string, state: string | null, zipcode: string | null, timeZone: string];

/** [name, domain]; the domain is derived from the name when omitted. */
export type Company = readonly [name: string, domain?: string];

export interface Culture {
  code: string;
  country: string;
  locale: string;
  /** Name of a territory of the demo account (`/selector/territories`). */
  territory: string;
  /** A choice of the deals' required `cf_sales_region`. */
  region: string;
  tld: string;
  /** `#` = a digit; fictional ranges where a country has them. */
  phone: string;
  mobile: string;
  cities: readonly City[];
  /** `{n}` = house number. */
  streets: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  companies: readonly Company[];
  /** Job titles in the local language, used now and then instead of the English ones. */
  localTitles?: readonly string[];
  /** Share of the customer base. */
  weight: number;
}

export const CULTURES: readonly Culture[] = [
  {
    code: 'us', country: 'United States', locale: 'en', territory: 'North America', region: 'Americas', tld: 'com',
    phone: '+1 512 555 01##', mobile: '+1 737 555 01##',
    cities: [
      ['Austin', 'TX', '78701', 'Central Time (US & Canada)'],
      ['Seattle', 'WA', '98101', 'Pacific Time (US & Canada)'],
      ['Boston', 'MA', '02110', 'Eastern Time (US & Canada)'],
      ['Chicago', 'IL', '60601', 'Central Time (US & Canada)'],
      ['Denver', 'CO', '80202', 'Mountain Time (US & Canada)'],
    ],
    streets: ['{n} Congress Ave', '{n} Pine St, Suite 400', '{n} Market Street'],
    firstNames: ['James', 'Mary', 'Emily', 'Michael', 'Olivia', 'Daniel', 'Sarah', 'Tyler', 'Jessica', 'Brandon', 'Ashley', 'Marcus'],
    lastNames: ['Johnson', 'Miller', 'Davis', 'Anderson', 'Thompson', 'Martinez', 'Clark', 'Walker', 'Harris', 'Nguyen', 'Robinson'],
    companies: [['Lone Star Analytics Inc.'], ['Cascade Outfitters LLC'], ['Harborview Health Partners'], ['Prairie Fintech Corp.'], ['Summit Ridge Logistics'], ['Bluebonnet Biotech']],
    weight: 16,
  },
  {
    code: 'gb', country: 'United Kingdom', locale: 'en-GB', territory: 'EMEA', region: 'Europe', tld: 'co.uk',
    phone: '+44 20 7946 0###', mobile: '+44 7700 900###',
    cities: [
      ['London', 'England', 'EC1A 1BB', 'London'],
      ['Manchester', 'England', 'M1 1AE', 'London'],
      ['Edinburgh', 'Scotland', 'EH1 1YZ', 'Edinburgh'],
    ],
    streets: ['{n} Baker Street', '{n} Deansgate', '{n} Royal Mile'],
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Charlotte', 'Alfie', 'Freya'],
    lastNames: ['Smith', 'Taylor', 'Wilson', 'Evans', 'Patel', "O'Connor", 'Hughes', 'MacLeod'],
    companies: [['Thistle & Thorne Consulting Ltd'], ['Brightwater Insurance plc'], ['Kingsway Print Works Ltd'], ['Albion Data Ltd']],
    weight: 9,
  },
  {
    code: 'de', country: 'Germany', locale: 'de', territory: 'EMEA', region: 'Europe', tld: 'de',
    phone: '+49 30 #### ###', mobile: '+49 151 #### ####',
    cities: [
      ['Berlin', 'Berlin', '10115', 'Berlin'],
      ['München', 'Bayern', '80331', 'Berlin'],
      ['Hamburg', 'Hamburg', '20095', 'Berlin'],
    ],
    streets: ['Friedrichstraße {n}', 'Hauptstraße {n}', 'Am Sandtorkai {n}'],
    firstNames: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Mia', 'Maximilian', 'Sophie', 'Jürgen'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Groß', 'Köhler'],
    localTitles: ['Geschäftsführer', 'Einkaufsleiterin', 'Leiter IT'],
    companies: [['Nordlicht Logistik GmbH'], ['Bergmann Maschinenbau AG'], ['Rheinwerk Software GmbH'], ['Alpenblick Versicherung AG'], ['Brückner & Söhne KG', 'brueckner-soehne.de']],
    weight: 9,
  },
  {
    code: 'fr', country: 'France', locale: 'fr', territory: 'EMEA', region: 'Europe', tld: 'fr',
    phone: '+33 1 ## ## ## ##', mobile: '+33 6 ## ## ## ##',
    cities: [
      ['Paris', 'Île-de-France', '75002', 'Paris'],
      ['Lyon', 'Auvergne-Rhône-Alpes', '69002', 'Paris'],
      ['Bordeaux', 'Nouvelle-Aquitaine', '33000', 'Paris'],
    ],
    streets: ['{n} rue de Rivoli', '{n} avenue Jean Jaurès', '{n} quai des Chartrons'],
    firstNames: ['Chloé', 'Louis', 'Léa', 'Hugo', 'Manon', 'Théo', 'Camille', 'Benoît'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau'],
    localTitles: ['Responsable des achats', 'Directrice générale', 'Chef de projet'],
    companies: [['Atelier Lumière SAS'], ['Cœur de Provence Distribution', 'coeur-de-provence.fr'], ['Mistral Énergie SA'], ['Vins Chartrons & Fils']],
    weight: 7,
  },
  {
    code: 'es', country: 'Spain', locale: 'es', territory: 'EMEA', region: 'Europe', tld: 'es',
    phone: '+34 91 ### ## ##', mobile: '+34 6## ### ###',
    cities: [
      ['Madrid', 'Comunidad de Madrid', '28013', 'Madrid'],
      ['Barcelona', 'Cataluña', '08002', 'Madrid'],
      ['Valencia', 'Comunidad Valenciana', '46002', 'Madrid'],
    ],
    streets: ['Calle de Alcalá {n}', 'Passeig de Gràcia {n}', 'Avenida del Puerto {n}'],
    firstNames: ['José', 'María', 'Javier', 'Lucía', 'Alejandro', 'Carmen', 'Íñigo'],
    lastNames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Núñez', 'Ibáñez'],
    localTitles: ['Directora Comercial', 'Jefe de Compras', 'Responsable de TI'],
    companies: [['Sol y Mar Turismo S.L.'], ['Ibérica Renovables S.A.'], ['Talleres Olivares S.L.'], ['Peña & Asociados Abogados', 'pena-asociados.es']],
    weight: 6,
  },
  {
    code: 'mx', country: 'Mexico', locale: 'es-MX', territory: 'LATAM', region: 'Americas', tld: 'com.mx',
    phone: '+52 55 #### ####', mobile: '+52 1 55 #### ####',
    cities: [
      ['Ciudad de México', 'CDMX', '06600', 'Mexico City'],
      ['Guadalajara', 'Jalisco', '44100', 'Guadalajara'],
      ['Monterrey', 'Nuevo León', '64000', 'Monterrey'],
    ],
    streets: ['Av. Paseo de la Reforma {n}', 'Calle Morelos {n}', 'Av. Constitución {n}'],
    firstNames: ['Sofía', 'Diego', 'Valentina', 'Santiago', 'Ximena', 'Mateo', 'Guadalupe'],
    lastNames: ['Hernández', 'González', 'Rodríguez', 'Ramírez', 'Flores', 'Cruz', 'Peña'],
    localTitles: ['Gerente de TI', 'Director de Operaciones', 'Coordinadora de Compras'],
    companies: [['Grupo Azteca Alimentos S.A. de C.V.'], ['Agave Azul Destilados'], ['Constructora del Bajío'], ['Pixel Maya Estudio']],
    weight: 5,
  },
  {
    code: 'br', country: 'Brazil', locale: 'pt-BR', territory: 'LATAM', region: 'Americas', tld: 'com.br',
    phone: '+55 11 ####-####', mobile: '+55 11 9####-####',
    cities: [
      ['São Paulo', 'SP', '01310-100', 'Brasilia'],
      ['Rio de Janeiro', 'RJ', '20040-002', 'Brasilia'],
      ['Belo Horizonte', 'MG', '30130-000', 'Brasilia'],
    ],
    streets: ['Av. Paulista, {n}', 'Rua da Assembleia, {n}', 'Rua dos Inconfidentes, {n}'],
    firstNames: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Júlia', 'Gabriel', 'Letícia'],
    lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Conceição', 'Gonçalves'],
    localTitles: ['Gerente de Compras', 'Diretora Financeira', 'Analista de TI'],
    companies: [['Ipê Amarelo Cosméticos Ltda.'], ['Verde Vale Agronegócio'], ['Paulista Pagamentos S.A.'], ['Açaí Norte Alimentos', 'acainorte.com.br']],
    weight: 5,
  },
  {
    code: 'pl', country: 'Poland', locale: 'pl', territory: 'EMEA', region: 'Europe', tld: 'pl',
    phone: '+48 22 ### ## ##', mobile: '+48 5## ### ###',
    cities: [
      ['Warszawa', 'mazowieckie', '00-001', 'Warsaw'],
      ['Kraków', 'małopolskie', '30-001', 'Warsaw'],
      ['Gdańsk', 'pomorskie', '80-001', 'Warsaw'],
    ],
    streets: ['ul. Marszałkowska {n}', 'ul. Floriańska {n}', 'ul. Długa {n}'],
    firstNames: ['Łukasz', 'Agnieszka', 'Piotr', 'Katarzyna', 'Michał', 'Zofia', 'Wojciech'],
    lastNames: ['Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański'],
    companies: [['Wisła Software Sp. z o.o.', 'wisla-software.pl'], ['Bałtyk Transport S.A.', 'baltyk-transport.pl'], ['Kraków Biotech']],
    weight: 4,
  },
  {
    code: 'se', country: 'Sweden', locale: 'sv', territory: 'EMEA', region: 'Europe', tld: 'se',
    phone: '+46 8 ### ### ##', mobile: '+46 70 ### ## ##',
    cities: [
      ['Stockholm', null, '111 20', 'Stockholm'],
      ['Göteborg', null, '411 04', 'Stockholm'],
      ['Malmö', null, '211 20', 'Stockholm'],
    ],
    streets: ['Drottninggatan {n}', 'Kungsportsavenyen {n}', 'Södra Förstadsgatan {n}'],
    firstNames: ['Erik', 'Astrid', 'Lars', 'Ingrid', 'Sven', 'Elsa', 'Björn', 'Maja'],
    lastNames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Lindqvist', 'Håkansson', 'Öberg'],
    companies: [['Fjällräv Design AB', 'fjallrav-design.se'], ['Norrsken Energi AB'], ['Skärgård Marin AB', 'skargard-marin.se']],
    weight: 3,
  },
  {
    code: 'in', country: 'India', locale: 'en-IN', territory: 'APAC', region: 'Asia Pacific', tld: 'in',
    phone: '+91 80 #### ####', mobile: '+91 98### #####',
    cities: [
      ['Bengaluru', 'Karnataka', '560001', 'Chennai'],
      ['Mumbai', 'Maharashtra', '400001', 'Mumbai'],
      ['Chennai', 'Tamil Nadu', '600001', 'Chennai'],
      ['Pune', 'Maharashtra', '411001', 'Kolkata'],
    ],
    streets: ['{n}, MG Road', '{n}, Nariman Point', '{n}, Anna Salai', '{n}, FC Road'],
    firstNames: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Aditi', 'Rahul', 'Lakshmi'],
    lastNames: ['Sharma', 'Iyer', 'Reddy', 'Patel', 'Nair', 'Gupta', 'Menon', 'Banerjee'],
    companies: [['Kaveri Textiles Pvt. Ltd.'], ['Indus Cloudworks'], ['Ganga Agro Foods Ltd.'], ['Saffron Fintech Pvt. Ltd.'], ['Deccan Pharma Labs']],
    weight: 11,
  },
  {
    code: 'jp', country: 'Japan', locale: 'ja', territory: 'APAC', region: 'Asia Pacific', tld: 'co.jp',
    phone: '+81 3-####-####', mobile: '+81 90-####-####',
    cities: [
      ['東京', '東京都', '100-0005', 'Tokyo'],
      ['大阪', '大阪府', '530-0001', 'Osaka'],
      ['Yokohama', 'Kanagawa', '220-0012', 'Tokyo'],
    ],
    streets: ['丸の内{n}-1', '梅田{n}-3', 'Minatomirai {n}-2'],
    firstNames: ['花子|hanako', '太郎|taro', '結衣|yui', '蓮|ren', 'Haruto', 'Yuki', '陽菜|hina'],
    lastNames: ['佐藤|sato', '鈴木|suzuki', '高橋|takahashi', 'Tanaka', 'Watanabe', '山本|yamamoto'],
    localTitles: ['営業部長', '情報システム部 課長', '代表取締役'],
    companies: [['Sakura Robotics K.K.'], ['富士山ソフトウェア株式会社', 'fujisan-software.co.jp'], ['Kitsune Games']],
    weight: 4,
  },
  {
    code: 'cn', country: 'China', locale: 'zh-CN', territory: 'APAC', region: 'Asia Pacific', tld: 'cn',
    phone: '+86 21 #### ####', mobile: '+86 138 #### ####',
    cities: [
      ['上海', '上海市', '200000', 'Beijing'],
      ['深圳', '广东省', '518000', 'Beijing'],
      ['Beijing', 'Beijing', '100000', 'Beijing'],
    ],
    streets: ['南京东路{n}号', '深南大道{n}号', '{n} Jianguo Road'],
    firstNames: ['伟|wei', '芳|fang', '娜|na', '敏|min', '静|jing', 'Kevin', '强|qiang'],
    lastNames: ['王|wang', '李|li', '张|zhang', '刘|liu', '陈|chen', 'Yang'],
    companies: [['上海明珠科技有限公司', 'mingzhu-tech.cn'], ['Dragonfly Electronics (Shenzhen) Co., Ltd.', 'dragonfly-electronics.cn'], ['Jade River Trading']],
    weight: 4,
  },
  {
    code: 'ae', country: 'United Arab Emirates', locale: 'ar', territory: 'EMEA', region: 'Middle East & Africa', tld: 'ae',
    phone: '+971 4 ### ####', mobile: '+971 50 ### ####',
    cities: [
      ['Dubai', 'Dubai', null, 'Abu Dhabi'],
      ['Abu Dhabi', 'Abu Dhabi', null, 'Abu Dhabi'],
      ['الرياض', 'الرياض', '11564', 'Riyadh'],
    ],
    streets: ['Sheikh Zayed Road, Tower {n}', 'Al Maryah Island, Building {n}', 'طريق الملك فهد {n}'],
    firstNames: ['محمد|mohammed', 'فاطمة|fatima', 'أحمد|ahmed', 'Omar', 'Layla', 'Yousef', 'نور|noor'],
    lastNames: ['العلي|alali', 'الهاشمي|alhashimi', 'Haddad', 'Al-Mansouri', 'Khalil', 'الشمري|alshammari'],
    companies: [['Desert Rose Hospitality'], ['شركة النخيل للتجارة', 'alnakheel-trading.ae'], ['Gulf Horizon Logistics FZE']],
    weight: 4,
  },
  {
    code: 'ng', country: 'Nigeria', locale: 'en', territory: 'EMEA', region: 'Middle East & Africa', tld: 'com.ng',
    phone: '+234 1 ### ####', mobile: '+234 803 ### ####',
    cities: [
      ['Lagos', 'Lagos', '100001', 'West Central Africa'],
      ['Abuja', 'FCT', '900001', 'West Central Africa'],
    ],
    streets: ['{n} Adeola Odeku Street', '{n} Admiralty Way, Lekki', '{n} Aminu Kano Crescent'],
    firstNames: ['Ngozi', 'Chinedu', 'Aisha', 'Oluwaseun', 'Emeka', 'Funmilayo', 'Tọ́pẹ́|tope'],
    lastNames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Abubakar', 'Ọlápàdé|olapade'],
    companies: [['Naija Fintech Hub'], ['Lekki Solar Ltd'], ['Adire Fashion House']],
    weight: 3,
  },
  {
    code: 'ke', country: 'Kenya', locale: 'en', territory: 'EMEA', region: 'Middle East & Africa', tld: 'co.ke',
    phone: '+254 20 ### ####', mobile: '+254 7## ### ###',
    cities: [['Nairobi', 'Nairobi County', '00100', 'Nairobi'], ['Mombasa', 'Mombasa County', '80100', 'Nairobi']],
    streets: ['{n} Moi Avenue', '{n} Ngong Road', '{n} Nyerere Road'],
    firstNames: ['Wanjiru', 'Otieno', 'Achieng', 'Kamau', 'Njeri', 'Kipchoge'],
    lastNames: ['Mwangi', 'Odhiambo', 'Kiprop', 'Wambui', 'Mutua'],
    companies: [['Savannah AgriTech'], ['Rift Valley Coffee Co.'], ['Tsavo Telecom']],
    weight: 2,
  },
  {
    code: 'au', country: 'Australia', locale: 'en-AU', territory: 'APAC', region: 'Asia Pacific', tld: 'com.au',
    phone: '+61 2 5550 ####', mobile: '+61 491 570 ###',
    cities: [['Sydney', 'NSW', '2000', 'Sydney'], ['Melbourne', 'VIC', '3000', 'Melbourne'], ['Brisbane', 'QLD', '4000', 'Brisbane']],
    streets: ['{n} George Street', '{n} Collins Street', '{n} Queen Street'],
    firstNames: ['Jack', 'Chloe', 'Liam', 'Matilda', 'Noah', 'Ruby'],
    lastNames: ['Wilson', 'Brown', 'Kelly', 'Nguyen', 'Murphy', 'Campbell'],
    companies: [['Southern Cross Mining Supplies'], ['Coral Coast Tourism'], ['Wattle & Gum Interiors Pty Ltd']],
    weight: 4,
  },
  {
    code: 'kr', country: 'South Korea', locale: 'ko', territory: 'APAC', region: 'Asia Pacific', tld: 'co.kr',
    phone: '+82 2-####-####', mobile: '+82 10-####-####',
    cities: [['서울', null, '04524', 'Seoul'], ['Busan', null, '48058', 'Seoul']],
    streets: ['세종대로 {n}', '{n} Haeundae-ro'],
    firstNames: ['민준|minjun', '서연|seoyeon', '지훈|jihoon', '하은|haeun', 'Daniel'],
    lastNames: ['김|kim', '이|lee', '박|park', '최|choi', 'Jung'],
    companies: [['Hangang Semiconductor'], ['서울바이오 주식회사', 'seoulbio.co.kr']],
    weight: 3,
  },
];

/** Landmark people: names tests look for (each is one contact, see records.ts). */
export const UNICODE_PEOPLE = {
  zoe: { first: 'Zoë', last: 'Ångström', culture: 'se' },
  lukasz: { first: 'Łukasz', last: 'Żółć', culture: 'pl' },
  jose: { first: 'José', last: 'Núñez', culture: 'es' },
  /** 李小龙: family name first in Chinese, stored as last_name 李, first_name 小龙. */
  xiaolong: { first: '小龙|xiaolong', last: '李|li', culture: 'cn' },
  mohammed: { first: 'محمد|mohammed', last: 'العلي|alali', culture: 'ae' },
  /** Combining marks: ọ̀ is U+1ECD followed by U+0300, not one precomposed letter. */
  ngozi: { first: 'Ngozi', last: 'Okonkwo-Ad\u00e9b\u00e1y\u1ecd\u0300', culture: 'ng' },
} as const;

/** Text that looks like HTML and must be shown as text, never rendered. */
export const HTML_LAST_NAME = '<img src=x onerror=alert(1)>';
export const HTML_NOTE = '<script>alert("x")</script> & <b>bold</b>';
export const HTML_ACCOUNT_NAME = `O'Brien &amp; Sons "Quality" Tools`;
export const EMOJI_ACCOUNT_NAME = 'Rocket 🚀 Labs';

export const FREE_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'web.de'] as const;

export const CONTACT_TAGS = ['webinar', 'vip', 'trade-show-2024', 'decision-maker', 'technical', 'partner-referral', 'champion'] as const;
export const ACCOUNT_TAGS = ['enterprise', 'strategic', 'at-risk', 'reference-customer', 'partner', 'expansion'] as const;
export const DEAL_TAGS = ['q4-push', 'inbound', 'multi-year', 'competitive', 'fast-track'] as const;

export const JOB_TITLES = [
  'CEO', 'CTO', 'CFO', 'VP Sales', 'VP Engineering', 'Head of Operations', 'Procurement Manager', 'IT Manager',
  'Marketing Director', 'Product Manager', 'Office Manager', 'Buyer', 'Solutions Architect', 'Customer Success Lead',
] as const;

export const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'Operations', 'Marketing', 'Procurement', 'IT', 'Executive'] as const;

export const DEAL_TOPICS = [
  'Platform rollout', '50-seat expansion', 'Annual renewal', 'Pilot project', 'Analytics add-on', 'EMEA rollout',
  'Support upgrade', 'Multi-year agreement', 'Data migration', 'Onboarding package', 'Q3 upsell', 'Replacement of legacy CRM',
] as const;

export const PRODUCTS = [
  { name: 'Platform licence', category: 'Software', sku: 'PLT-001', usd: 1200, description: 'Annual licence per seat.', active: true },
  { name: 'Onboarding package', category: 'Services', sku: 'SRV-010', usd: 4500, description: 'Guided setup, data import and two training sessions.', active: true },
  { name: 'Premium support', category: 'Support', sku: 'SUP-100', usd: 2400, description: '24/7 support with a 1-hour response time.', active: true },
  { name: 'Analytics add-on', category: 'Software', sku: 'PLT-020', usd: 600, description: 'Dashboards and forecasting per seat.', active: true },
  { name: 'Legacy connector', category: 'Software', sku: 'LEG-900', usd: 300, description: 'Retired: kept for old deals.', active: false },
] as const;

export const LISTS = ['Newsletter subscribers', 'Spring webinar attendees', 'Enterprise prospects', 'Do not call'] as const;

/** `{first}` person, `{account}` company, `{product}`, `{n}` number, `{day}` weekday, `{competitor}`. */
export const NOTE_TEMPLATES = [
  'Spoke with {first}: they want pricing for {n} seats before the end of the quarter.',
  '{first} asked for a security questionnaire and our SOC 2 report.',
  'Budget approved at {account}; procurement needs the PO by {day}.',
  'Demo went well. Follow-up on the {product} next {day}.',
  '{first} is comparing us with {competitor}; main concern is the migration effort.',
  'Left a voicemail for {first}, will try again on {day}.',
  'Contract redlines received from legal at {account} — clause 7.2 (liability cap) still open.',
  'Champion moved to a new role; {first} is now our main contact.',
  'Customer reported {n} open tickets about the {product}; escalated to support.',
  'Renewal discussion: {account} wants a 3-year term with a {n}% discount.',
  'Met {first} at the trade show. Interested in the {product}.',
  'Sent the case study and the ROI calculator to {first}.',
] as const;

export const TASK_TITLES = [
  'Follow up with {first}', 'Send proposal to {account}', 'Call {first} about the renewal', 'Prepare demo for {account}',
  'Share case study with {first}', 'Confirm PO number with {account}', 'Review contract redlines', 'Schedule QBR with {account}',
  'Send pricing for the {product}', 'Check in after onboarding',
] as const;

export const APPOINTMENT_TITLES = [
  'Discovery call with {first}', 'Product demo for {account}', 'Quarterly business review', 'Contract walkthrough',
  'Onboarding kickoff', 'Technical deep dive: {product}', 'Lunch with {first}', 'Renewal planning',
] as const;

export const LOCATIONS = ['Zoom', 'Google Meet', 'Microsoft Teams', 'Phone', 'HQ — Room Everest', 'Client office'] as const;

export const ACTIVITY_TITLES: Record<string, readonly string[]> = {
  call: ['Intro call with {first}', 'Follow-up call', 'Pricing call with {first}'],
  meeting: ['On-site meeting at {account}', 'Lunch meeting with {first}', 'Steering committee'],
  email: ['Sent pricing to {first}', 'Shared proposal v2', 'Sent meeting recap'],
  task: ['Updated the account plan', 'Prepared the quote'],
  cf_demo: ['Product demo for {account}', 'Demo of the {product}'],
};

export const COMPETITORS = ['Acme CRM', 'Globex Sales', 'Initech Suite'] as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/** Sentences for long and free text (background notes, account plans, next steps). */
export const SENTENCES = [
  'The team has used spreadsheets for pipeline tracking since 2019 and wants a single source of truth.',
  'Decision makers are the CFO and the head of sales operations; IT signs off on security.',
  'They run a hybrid sales model with inside sales in Lisbon and field sales in Munich.',
  'Previous vendor was dropped over poor API limits and slow support.',
  'Budget cycles close in March; anything later slips to the next fiscal year.',
  'Key requirement: data residency in the EU and single sign-on with their identity provider.',
  'Expansion potential in the APAC subsidiaries once the pilot succeeds.',
  'Weekly syncs on Thursdays; prefers short agendas sent a day in advance.',
  'Mentioned that the Ñandú project in Buenos Aires and the Zürich office may join later.',
  'Procurement insists on net-60 payment terms and a named account manager.',
  'Concerns: change management for 400 field reps and the migration of 1.2 million records.',
  'Success criteria: forecast accuracy within 5 % and onboarding under 30 days.',
] as const;

const SPECIAL_LETTERS: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', đ: 'd', œ: 'oe', Œ: 'oe', ı: 'i' };

const COMPANY_SUFFIXES = /\b(inc|llc|corp|ltd|plc|gmbh|ag|kg|sas|sa|s\.?l|s\.?a|pvt|co|k\.k|ab|fze|pty|ltda|sp\. z o\.o|de c\.v)\b\.?/gi;

/** ASCII for addresses and domains: "Zoë Ångström" → "zoe-angstrom"; "" when nothing is Latin. */
export function slugify(text: string): string {
  return text
    .replace(/[łŁøØßæÆđœŒı]/g, (letter) => SPECIAL_LETTERS[letter] ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The name as written, and its Latin form for email addresses. */
export function splitName(entry: string): { text: string; latin: string } {
  const [text = '', latin] = entry.split('|');
  return { text, latin: latin ?? slugify(text) };
}

/** "Nordlicht Logistik GmbH" → "nordlicht-logistik.de". */
export function companyDomain(company: Company, tld: string): string {
  const base = slugify(company[0].replace(COMPANY_SUFFIXES, ' ')).split('-').slice(0, 3).join('-');
  return company[1] ?? `${base === '' ? 'company' : base}.${tld}`;
}
