/** MongoDB duplicate key error (E11000): a concurrent writer got there first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}
