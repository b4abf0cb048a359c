/** The site manager's selection and the draft of the selected site: following main's copy, validating, saving. */
import { useEffect, useRef, useState } from 'react';
import type { SitesListing } from '../../../common/ipc/payloads';
import type { SiteProfile } from '../../../common/models/site-profile';
import type { Dispatcher } from '../../dispatcher';
import { siteCreatedMeanwhile } from '../../state/site-create';
import { draftFromSite, newDraft, rebaseDraft, toCreateInput, toUpdateInput, validateDraft, type SiteDraft } from '../../state/sites-model';

/** What the tree has selected: a saved site, a folder, or the new site being typed. */
export type Selection = { readonly kind: 'site'; readonly id: string } | { readonly kind: 'folder'; readonly path: readonly string[] } | { readonly kind: 'new' } | null;
/** The tabs of the site form. */
export type FormTab = 'general' | 'advanced' | 'connectivity' | 'comments';

/** The draft being edited and what the form and the tree need around it. */
export interface SiteDraftState {
  readonly selection: Selection;
  readonly setSelection: (selection: Selection) => void;
  readonly selectedSite: SiteProfile | null;
  /** A new site main already listed while its save is in flight: the tree shows it in the draft's place. */
  readonly createdMeanwhile: SiteProfile | null;
  readonly draft: SiteDraft | null;
  readonly setDraft: (change: SiteDraft | null | ((d: SiteDraft | null) => SiteDraft | null)) => void;
  readonly setShowErrors: (show: boolean) => void;
  readonly tab: FormTab;
  readonly setTab: (tab: FormTab) => void;
  readonly busy: boolean;
  /** Sets one field of the draft. */
  readonly set: <K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) => void;
  /** A field's error, once the user tried to save or test. */
  readonly err: (key: keyof SiteDraft) => string | undefined;
  /** The folder a new site or folder goes into: the selected folder, else the selected site's. */
  readonly currentFolder: () => readonly string[];
  /** Starts a new site in the current folder. */
  readonly startNewSite: () => void;
  /** Saves the draft; returns the saved site. `connectingNext`: a new connection follows, with every setting. */
  readonly save: (options?: { readonly connectingNext?: boolean }) => Promise<SiteProfile | null>;
}

/** The selection and the draft of the site manager (one per open dialog). */
export function useSiteDraft(dispatcher: Dispatcher, listing: SitesListing | null, keychainAvailable: boolean, selectSiteId: string | null | undefined): SiteDraftState {
  const [selection, setSelection] = useState<Selection>(selectSiteId ? { kind: 'site', id: selectSiteId } : null);
  const [draft, setDraft] = useState<SiteDraft | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [tab, setTab] = useState<FormTab>('general');
  const [busy, setBusy] = useState(false);
  /** The saved copy the draft was made from, so a newer copy from main keeps what the user typed since. */
  const derivedFrom = useRef<SiteProfile | null>(null);
  /** The site ids before a new site's save, while it is in flight. */
  const idsBeforeCreate = useRef<ReadonlySet<string> | null>(null);
  const createdMeanwhile = selection?.kind === 'new' && draft ? siteCreatedMeanwhile(listing, idsBeforeCreate.current, draft.name.trim()) : null;

  const selectedSite: SiteProfile | null = selection?.kind === 'site' ? (listing?.sites.find((s) => s.id === selection.id) ?? null) : null;

  // The form follows the selected site, and the saved copy after each change pushed by main (a move, a
  // folder rename) without losing what the user typed meanwhile.
  useEffect(() => {
    if (selection?.kind !== 'site') return;
    const site = listing?.sites.find((s) => s.id === selection.id);
    if (!site) return;
    const before = derivedFrom.current;
    derivedFrom.current = site;
    setDraft((d) => (d && before && d.id === site.id && before.id === site.id ? rebaseDraft(d, before, site) : draftFromSite(site)));
  }, [selection, listing]);

  const currentFolder = (): readonly string[] => {
    if (selection?.kind === 'folder') return selection.path;
    if (selectedSite) return selectedSite.folderPath;
    if (draft) return draft.folderPath;
    return [];
  };
  const startNewSite = () => {
    setSelection({ kind: 'new' });
    setDraft(newDraft(currentFolder(), keychainAvailable));
    setShowErrors(false);
    setTab('general');
  };
  const errors = draft ? validateDraft(draft) : {};
  const valid = Object.keys(errors).length === 0;

  const save = async (options: { readonly connectingNext?: boolean } = {}): Promise<SiteProfile | null> => {
    if (!draft) return null;
    setShowErrors(true);
    if (!valid) return null;
    setBusy(true);
    try {
      if (draft.id === null) {
        idsBeforeCreate.current = new Set((listing?.sites ?? []).map((s) => s.id));
        const result = await dispatcher.sites.create(toCreateInput(draft)).finally(() => {
          idsBeforeCreate.current = null;
        });
        if (!result.ok) return null;
        setSelection({ kind: 'site', id: result.value.id });
        setDraft(draftFromSite(result.value));
        setShowErrors(false);
        return result.value;
      }
      const site = listing?.sites.find((s) => s.id === draft.id);
      if (!site) return null;
      const changes = toUpdateInput(draft, site);
      if (Object.keys(changes).length === 0) return site;
      const result = await dispatcher.sites.update(site.id, changes, options);
      if (!result.ok) return null;
      setDraft(draftFromSite(result.value));
      setShowErrors(false);
      return result.value;
    } finally {
      setBusy(false);
    }
  };

  const set = <K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const err = (key: keyof SiteDraft) => (showErrors ? errors[key] : undefined);

  return { selection, setSelection, selectedSite, createdMeanwhile, draft, setDraft, setShowErrors, tab, setTab, busy, set, err, currentFolder, startNewSite, save };
}
