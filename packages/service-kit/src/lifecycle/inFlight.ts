/** Counts running handlers so shutdown can wait for them to finish. */
export class InFlight {
  #running = new Set<Promise<unknown>>();

  /** Runs `work`, tracking it until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.#running.size;
  }

  /** Resolves once every handler started so far has settled (errors ignored). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}
