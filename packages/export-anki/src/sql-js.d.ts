// Minimal types for the parts of sql.js 1.x this package uses (the package ships none).
declare module 'sql.js' {
  type SqlValue = number | string | bigint | Uint8Array | null;
  interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }
  interface Statement {
    run(values?: SqlValue[]): void;
    free(): boolean;
  }
  interface Database {
    run(sql: string, params?: SqlValue[]): Database;
    exec(sql: string, params?: SqlValue[]): QueryExecResult[];
    prepare(sql: string): Statement;
    export(): Uint8Array;
    close(): void;
  }
  interface SqlJsStatic {
    Database: new (data?: ArrayLike<number> | Buffer | null) => Database;
  }
  export type { Database, SqlJsStatic, SqlValue, QueryExecResult, Statement };
  interface SqlJsConfig {
    locateFile?(file: string): string;
    /** Emscripten's hook: instantiate the module with `imports` and hand the instance to `done`. */
    instantiateWasm?(imports: object, done: (instance: object) => void): object;
  }
  export type { SqlJsConfig };
  export default function initSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic>;
}
