/** Column and constraint builders shared by the migrations, portable across SQLite and PostgreSQL. */
import { QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

export const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };

export function text(name: string, length: number | null, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return length === null ? { name, type: 'text', ...options } : { name, type: 'varchar', length: String(length), ...options };
}

export function integer(name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type: 'integer', ...options };
}

export function date(name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type: 'date', ...options };
}

export function float(name: string, defaultValue: number): TableColumnOptions {
  return { name, type: 'float', default: defaultValue };
}

export function timestamps(queryRunner: QueryRunner, names: string[]): TableColumnOptions[] {
  const postgres = isPostgres(queryRunner);
  return names.map((name) => ({
    name,
    type: postgres ? 'timestamp with time zone' : 'datetime',
    default: postgres ? 'now()' : "(datetime('now'))",
  }));
}

export function recordColumns(queryRunner: QueryRunner): TableColumnOptions[] {
  return [integer('version', { default: 1 }), ...timestamps(queryRunner, ['created_at', 'updated_at'])];
}

export function foreignKey(column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'RESTRICT'): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });
}

export function index(table: string, columns: string[], isUnique = false): TableIndex {
  return new TableIndex({ name: `${isUnique ? 'uq' : 'ix'}_${table}_${columns.join('_')}`, columnNames: columns, isUnique });
}

export function createTable(queryRunner: QueryRunner, name: string, columns: TableColumnOptions[], foreignKeys: TableForeignKey[] = [], indices: TableIndex[] = []): Promise<void> {
  return queryRunner.createTable(new Table({ name, columns, foreignKeys, indices }));
}
