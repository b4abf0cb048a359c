/**
 * A new site being saved: main announces the changed listing before the create call answers, so the
 * Site Manager would show the saved site beside the still "unsaved" draft for one render. Knowing the site
 * ids from before the save, the new one is found in that listing and takes the draft's place at once.
 */
import type { SitesListing } from '../../common/ipc/payloads';
import type { SiteProfile } from '../../common/models/site-profile';

/** The site created since `idsBefore` under the draft's name, if the listing has it already. */
export function siteCreatedMeanwhile(listing: SitesListing | null, idsBefore: ReadonlySet<string> | null, name: string): SiteProfile | null {
  if (!listing || !idsBefore) return null;
  return listing.sites.find((s) => !idsBefore.has(s.id) && s.name === name) ?? null;
}
