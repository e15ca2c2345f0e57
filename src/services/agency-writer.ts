/** Writes of agencies: validated before touching the database, written with their audit entry in one transaction. */
import { Viewer } from '../domain/access';
import { AgencyKind, Jurisdiction } from '../domain/enums';
import { Agency } from '../entities';
import { createInput, requireText, updateInput } from './input-checks';
import { Transaction, Writer } from './unit-of-work';

export interface NewAgency {
  name: string;
  shortName: string;
  kind: AgencyKind;
  jurisdiction: Jurisdiction;
}

/** Changes to an agency; omitted fields stay as they are. */
export type AgencyChanges = Partial<NewAgency>;

/** Names and short names are each unique among agencies. */
async function requireUniqueNames(tx: Transaction, name: string | undefined, shortName: string | undefined, exceptRowId?: number): Promise<void> {
  if (name !== undefined) await tx.requireUnique(Agency, { name }, 'An agency with this name already exists.', exceptRowId);
  if (shortName !== undefined) await tx.requireUnique(Agency, { shortName }, 'An agency with this short name already exists.', exceptRowId);
}

export class AgencyWriter extends Writer {
  createAgency(input: NewAgency, viewer: Viewer): Promise<Agency> {
    input = createInput(input);
    return this.run(async (tx) => {
      requireText(input.name, 'name');
      requireText(input.shortName, 'shortName');
      await requireUniqueNames(tx, input.name, input.shortName);
      return tx.insert(Agency, { ...input }, 'createAgency', null);
    }, viewer);
  }

  updateAgency(id: string, input: AgencyChanges, expectedVersion: number | undefined, viewer: Viewer): Promise<Agency> {
    return this.run(async (tx) => {
      input = updateInput(input);
      const agency = await tx.find(Agency, id);
      requireText(input.name, 'name');
      requireText(input.shortName, 'shortName');
      await requireUniqueNames(tx, input.name, input.shortName, agency.rowId);
      return tx.update(agency, { ...input }, expectedVersion, 'updateAgency', null);
    }, viewer);
  }
}
