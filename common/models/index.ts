export * from './errors';
export * from './log';
export * from './remote-entry';
export * from './result';
export * from './security';
export * from './site';
export * from './site-profile';
export * from './transfer';
