/** Table checks shared by the import tests: each expected site's fields, password and notes. */
import assert from 'node:assert/strict';
import type { SiteCreateInput } from '../../common/models/site-profile';
import type { ParsedSiteImport } from '../../main/sites/site-import-plan';

/** What a test expects of one imported site; `password: null` means none was found. */
export type ExpectedSite = Omit<Partial<SiteCreateInput>, 'password' | 'folderPath'> & {
  folderPath?: readonly string[];
  password?: string | null;
  notes?: RegExp[];
};

/** Checks that the import holds exactly these sites (by name) with these fields, passwords and notes. */
export function checkImportedSites(result: ParsedSiteImport, table: Readonly<Record<string, ExpectedSite>>): void {
  const byName = new Map(result.plan.sites.map((s) => [s.input.name, s]));
  assert.deepEqual([...byName.keys()].sort(), Object.keys(table).sort());
  for (const [name, want] of Object.entries(table)) {
    const entry = byName.get(name);
    assert.ok(entry, name);
    const { folderPath, password, notes, ...fields } = want;
    if (folderPath) assert.deepEqual(entry.folderPath, folderPath, `${name}: folder`);
    for (const [key, value] of Object.entries(fields)) {
      assert.deepEqual((entry.input as Record<string, unknown>)[key], value, `${name}: ${key}`);
    }
    if (password !== undefined) assert.equal(result.passwords.get(entry.key) ?? null, password, `${name}: password`);
    const siteNotes = result.plan.summary.notes.filter((n) => n.name === name).map((n) => n.note);
    for (const pattern of notes ?? []) assert.ok(siteNotes.some((n) => pattern.test(n)), `${name}: a note matching ${pattern} in ${JSON.stringify(siteNotes)}`);
  }
}
