/**
 * Whether a fact cache shared by many documents pays for keeping every block's facts. Facts
 * kept for 64 to 128 documents outlive the young generation of V8's heap, so every scavenge
 * copies them again. That pays when documents share blocks: docs made from the same template
 * share their unfilled sections, and half of such a folder's text can be repeats. It does not
 * when they share almost none: in folders of docs each written by hand (published READMEs and
 * changelogs, generated docs) under 3% of the text repeats, and keeping every block's facts made
 * a run 5-8% slower than keeping none.
 *
 * So a shared cache judges itself every `WINDOW` documents: when under one byte in `MIN_SHARE`
 * of what it looked up was found, it goes lean for a number of documents that doubles each time
 * it goes lean again (from `FIRST_REST` up to `LONGEST_REST`), then keeps everything again for a
 * window; a window that pays resets the count. A lean cache keeps only the facts of blocks that
 * needed the Markdown parser: few, and the costly ones to read again.
 */

/** Documents between two judgments. */
export const WINDOW = 16;
/** The cache pays when at least one byte in this many of those it looked up was found. */
export const MIN_SHARE = 20;
/** The first rest, in documents; it doubles up to `LONGEST_REST`. */
export const FIRST_REST = 64;
export const LONGEST_REST = 1024;

export class CacheThrift {
  private looked = 0;
  private found = 0;
  private builds = 0;
  private resting = 0;
  private nextRest = FIRST_REST;

  /** Whether the cache is lean now (keeps only the facts of blocks the parser read). */
  get lean(): boolean {
    return this.resting > 0;
  }

  /** A block of `length` characters was looked up (`hit`: and found). Lean windows are not judged. */
  lookedUp(length: number, hit: boolean): void {
    if (this.resting > 0) return;
    this.looked += length;
    if (hit) this.found += length;
  }

  /** Ends one document. */
  endBuild(): void {
    if (this.resting > 0) {
      this.resting--;
      return;
    }
    if (++this.builds < WINDOW) return;
    const paying = this.found * MIN_SHARE >= this.looked;
    this.builds = this.looked = this.found = 0;
    if (paying) {
      this.nextRest = FIRST_REST;
      return;
    }
    this.resting = this.nextRest;
    this.nextRest = Math.min(this.nextRest * 2, LONGEST_REST);
  }
}
