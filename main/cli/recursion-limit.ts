/*
 * `--max-items` and `--max-depth`: how far `get -r`, `sync` and `rm -r` walk a remote tree before they stop.
 * A script has no one to ask, so a walk past the limit stops before anything is changed, names the option
 * that raises the bound that was passed, and exits with its own code so a script can tell it from a failure.
 */
import { DEFAULT_EXPANSION_BUDGET, type BudgetExceeded, type ExpansionBudget, type OnBudgetExceeded } from '../transfers/expand';
import type { WharfErrorData } from '../../common/models';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import type { HelpRow } from './help-table';

/** The exit code of a walk stopped at its limit: nothing was changed; run again with a higher one. */
export const EXIT_RECURSION_LIMIT = 9;

/** The two options, for `parseArgs`. */
export const RECURSION_LIMIT_OPTIONS = {
  'max-items': { type: 'string', default: String(DEFAULT_EXPANSION_BUDGET.maxItems) },
  'max-depth': { type: 'string', default: String(DEFAULT_EXPANSION_BUDGET.maxDepth) },
} as const;

/** `--help` rows for the two options; `commands` names the commands that walk, null for sync's remote walk. */
export function recursionLimitRows(commands: string | null): HelpRow[] {
  const items = String(DEFAULT_EXPANSION_BUDGET.maxItems);
  const depth = String(DEFAULT_EXPANSION_BUDGET.maxDepth);
  return [
    { term: '--max-items N', text: commands === null ? t('cliUsage.sync.maxItems', { max: items }) : t('cliUsage.maxItems', { commands, max: items }) },
    { term: '--max-depth N', text: commands === null ? t('cliUsage.sync.maxDepth', { max: depth }) : t('cliUsage.maxDepth', { commands, max: depth }) },
  ];
}

/** Reads the budget from parsed values; a bound that is not a whole number above 0 is a usage error. */
export function recursionLimitFlags(values: Record<string, string | boolean | (string | boolean)[] | undefined>): ExpansionBudget {
  const read = (option: 'max-items' | 'max-depth'): number => {
    const raw = values[option];
    const value = Number(typeof raw === 'string' ? raw : RECURSION_LIMIT_OPTIONS[option].default);
    if (!Number.isInteger(value) || value < 1) throw new WharfError('invalid-input', t('cli.recursion.wholeNumber', { option: `--${option}` }));
    return value;
  };
  return { maxItems: read('max-items'), maxDepth: read('max-depth') };
}

/** The error a walk past its limit ends with; `outcome` says what became of the command ("Nothing was downloaded."). */
export function recursionLimitError(exceeded: BudgetExceeded, outcome: string): WharfError {
  const option = exceeded.limit === 'items' ? '--max-items' : '--max-depth';
  const values = { option, value: String(exceeded.value), path: exceeded.path, outcome, doubled: String(exceeded.value * 2) };
  return new WharfError('cancelled', t(exceeded.limit === 'items' ? 'cli.recursion.stoppedItems' : 'cli.recursion.stoppedDepth', values), {
    detail: { limit: exceeded.limit, value: exceeded.value, path: exceeded.path, recursionLimit: true },
  });
}

/**
 * An `onBudgetExceeded` that never goes on: it throws `recursionLimitError`. `outcome` may be a function, so a
 * run that stays within the limit formats no message (the first message formatted costs ~15 ms of CPU).
 */
export function stopAtRecursionLimit(outcome: string | (() => string)): OnBudgetExceeded {
  return async (exceeded) => {
    throw recursionLimitError(exceeded, typeof outcome === 'string' ? outcome : outcome());
  };
}

/** True for the error `recursionLimitError` makes. */
export function isRecursionLimit(error: Pick<WharfErrorData, 'detail'>): boolean {
  return error.detail?.recursionLimit === true;
}
