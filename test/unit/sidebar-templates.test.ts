import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sidebar's request templates, as the platform will run them. */
const requests = JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'requests.json'), 'utf8')) as Record<string, { schema: { query?: Record<string, string> } }>;
const includes = (name: string) => (requests[name]?.schema.query?.include ?? '').split(',');

describe('what the sidebar templates ask for', () => {
  it('asks for the account associations the summary shows: a real account sends their ids only when included (A3)', () => {
    expect(includes('getAccountView')).toEqual(expect.arrayContaining(['owner', 'industry_type', 'business_type', 'territory', 'contacts', 'deals']));
  });

  it('asks for the field groups, so fields order by group, then position (A2)', () => {
    expect(includes('getFieldSettings')).toEqual(['field_group']);
  });
});
