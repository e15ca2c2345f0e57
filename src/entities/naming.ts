import { DefaultNamingStrategy } from 'typeorm';

/** Database columns are snake_case (reads well in SQL on SQLite and PostgreSQL alike). */
export class SnakeNamingStrategy extends DefaultNamingStrategy {
  columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    const name = customName ?? propertyName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return [...embeddedPrefixes, name].join('_');
  }
}
