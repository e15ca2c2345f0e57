/** The part of better-sqlite3's API the baseline uses (the project has no @types/better-sqlite3). */
declare module 'better-sqlite3' {
  interface Statement {
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  class Database {
    constructor(filename: string, options?: { readonly?: boolean });
    prepare(sql: string): Statement;
    close(): void;
  }
  export = Database;
}
