/**
 * Runs one kind of statement for many concurrent callers as few statements as it can (group
 * commit): a call made while `inFlight` statements of its kind are running waits and goes with
 * the others that arrived meanwhile, in one statement over all their items (`unnest`). A call
 * made when none is running goes at once — alone, or with the calls of the same tick — so an
 * idle caller waits for nothing.
 *
 * For the hot path of reminder delivery (docs/performance.md, reminder punctuality): on a small
 * host, each round trip to PostgreSQL gives up the core (a write wakes the server), and 16
 * deliveries at once per worker made 16 round trips of each statement where 2 or 3 do.
 *
 * `run` answers one result per item, in the items' order. If it throws, every call of that
 * batch rejects with its error (each caller then does what it did when its own statement
 * failed). More than one statement may be in flight (`inFlight`): one that hangs does not hold
 * every later call behind it.
 */
export class GroupCommit<I, O> {
  private readonly waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { inFlight: number; maxBatch: number } = { inFlight: 2, maxBatch: 64 },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      // The calls of this tick go together: the first starts a statement after them.
      if (!this.scheduled && this.running < this.options.inFlight) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.start();
        });
      }
    });
  }

  private start(): void {
    while (this.running < this.options.inFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running++;
      void this.runBatch(batch);
    }
  }

  private async runBatch(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i] as O));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.running--;
      this.start();
    }
  }
}
