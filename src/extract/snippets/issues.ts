/** Collects what an interpreter could not follow; the same (line, message) is reported once. */
export interface Issue {
  line: number;
  message: string;
}

export class IssueSink {
  readonly list: Issue[] = [];
  private readonly seen = new Set<string>();

  add(line: number, message: string): void {
    const key = `${line}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ line, message });
  }

  sorted(): Issue[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}
