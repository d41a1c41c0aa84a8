/** The parts of a version that order it (a `Version` has them). */
export interface Dated {
  id: string;
  date_published?: string;
  version_number?: string;
}

/**
 * Whether `candidate` is newer than `installed`: published later, or, on the
 * same date (or with dates that cannot be read), a higher version number
 * (compared number by number: `0.5.11` > `0.5.8`). The same version, an older
 * one or an undecidable pair is never "newer": no downgrades.
 */
export function isNewerVersion(candidate: Dated, installed: Dated): boolean {
  if (candidate.id === installed.id) return false;
  const a = Date.parse(candidate.date_published ?? '');
  const b = Date.parse(installed.date_published ?? '');
  if (Number.isFinite(a) && Number.isFinite(b) && a !== b) return a > b;
  const byNumber = (candidate.version_number ?? '').localeCompare(
    installed.version_number ?? '',
    'en',
    { numeric: true },
  );
  return byNumber > 0;
}
