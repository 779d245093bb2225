export type SourceRow = { row: number; cells: string[] };

type Pending = { resolve: (result: IteratorResult<SourceRow>) => void; reject: (error: unknown) => void };

const DONE: IteratorResult<SourceRow> = { done: true, value: undefined };

/**
 * The rows of a source as a one-shot async iterable that `close()` ends at once, even while a read is
 * pending: exceljs's zip reader cannot be cancelled mid-read, so a pending read is abandoned rather than
 * awaited. Resources are released when the rows run out, fail, or are closed, whichever comes first.
 * (Not Promise.race against a "closed" promise: every race would leave a reaction on that promise,
 * keeping every row ever read alive.)
 */
export class RowStream implements AsyncIterableIterator<SourceRow> {
  private readonly source: AsyncIterator<SourceRow>;
  private readonly release: () => Promise<void>;
  private closed = false;
  private released: Promise<void> | null = null;
  private pending: Pending | null = null;

  constructor(source: AsyncIterator<SourceRow>, release: () => Promise<void>) {
    this.source = source;
    this.release = release;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<SourceRow>> {
    if (this.closed) return Promise.resolve(DONE);
    return new Promise<IteratorResult<SourceRow>>((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      this.pending = pending;
      this.source.next().then(
        (result) => {
          if (this.pending !== pending) return;
          this.pending = null;
          if (result.done) this.close().then(() => resolve(DONE), reject);
          else resolve(result);
        },
        (error: unknown) => {
          if (this.pending !== pending) return;
          this.pending = null;
          this.close().then(() => reject(error), () => reject(error));
        },
      );
    });
  }

  async return(): Promise<IteratorResult<SourceRow>> {
    await this.close();
    return DONE;
  }

  /** Idempotent; resolves once the file is closed. A read in progress ends as "done". */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      const pending = this.pending;
      this.pending = null;
      this.released = this.release();
      if (pending) this.released.then(() => pending.resolve(DONE), pending.reject);
    }
    return this.released ?? Promise.resolve();
  }
}
