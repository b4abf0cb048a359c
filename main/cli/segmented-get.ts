import { dirname } from 'node:path';
import type { FtpsSession } from '../ftps/session';
import { downloadInSegments } from '../transfers/segmented-download';
import { t } from '../../common/i18n/t';
import { formatBytes } from '../core/bytes';
import { ProgressLine } from './progress';

/**
 * `wharf get --segments N`: one file in N ranges over N connections (main/transfers/segmented-download.ts).
 * `--resume` continues the ranges an interrupted run recorded; otherwise the target is replaced, as `get` does.
 */
export async function getInSegments(options: {
  readonly session: FtpsSession;
  readonly openSession: () => Promise<FtpsSession>;
  readonly remotePath: string;
  readonly localPath: string;
  readonly segments: number;
  readonly resume: boolean;
  readonly quiet: boolean;
  readonly warn: (text: string) => void;
}): Promise<void> {
  const progress = new ProgressLine(process.stderr, !options.quiet && process.stderr.isTTY === true);
  try {
    const result = await downloadInSegments({
      remotePath: options.remotePath,
      localPath: options.localPath,
      localRoot: dirname(options.localPath),
      segments: options.segments,
      resume: options.resume,
      session: options.session,
      openSession: options.openSession,
      onProgress: (done, total) => progress.update(t('cliUsage.segments.progress', { segments: String(options.segments) }), done, total),
    });
    progress.finish();
    if (!options.quiet) {
      options.warn(
        t('cliUsage.segments.done', { bytes: formatBytes(result.size), segments: String(result.segments), retries: result.retries, verifiedBy: result.verifiedBy }),
      );
    }
  } finally {
    progress.finish();
  }
}
