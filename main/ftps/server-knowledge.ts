/**
 * What one session learned about its server that the other sessions of the same site need not find out again,
 * each on its first file (1-4 round trips per connection): the sessions of a transfer pool share one
 * (SessionOptions.known). Only what a refusal would correct: a stale entry costs one failed attempt, never a file.
 */
export interface ServerKnowledge {
  /** Passive mode with EPSV worked: a new session sends EPSV in one write with its first transfer command. */
  passiveEpsvWorks: boolean;
  /** An MDTM with a time was read back as set (vsftpd's mdtm_write): a new session trusts it at once. */
  mdtmSetsTime: boolean;
  /** The server's SITE HELP reply, once asked (see FtpsSession.offersSiteUtime). */
  siteHelp: string | undefined;
}

export function newServerKnowledge(): ServerKnowledge {
  return { passiveEpsvWorks: false, mdtmSetsTime: false, siteHelp: undefined };
}

/** The key of a server as reached: a site edited to point elsewhere (or log in as another user) starts afresh. */
export function serverKey(target: { readonly mode: string; readonly user: string; readonly host: string; readonly port: number }): string {
  return `${target.mode}://${encodeURIComponent(target.user)}@${target.host}:${target.port}`;
}

/**
 * The knowledge kept under `key` (see serverKey) in `store`, made when first asked.
 */
export function knowledgeFor(store: Map<string, ServerKnowledge>, key: string): ServerKnowledge {
  let known = store.get(key);
  if (known === undefined) {
    known = newServerKnowledge();
    store.set(key, known);
  }
  return known;
}
