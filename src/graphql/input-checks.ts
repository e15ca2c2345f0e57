/**
 * The checks (lengths, ranges) declared on the GraphQL input types, which the API applies before
 * a resolver runs, lent to the CSV importer so that a row is held to the checks of the mutation
 * input it stands for.
 */
import { validate } from 'class-validator';
import { ApiInputChecks, InputProblem } from '../services/csv-import';
import { CreateMilestoneInput, ReportProgressInput, UpdateMilestoneInput } from './types';

/** The first failure of an input type's own checks. */
async function firstProblem(input: object): Promise<InputProblem | null> {
  const [first] = await validate(input, { forbidUnknownValues: false });
  return first ? { field: first.property, message: Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid.` } : null;
}

export const apiInputChecks: ApiInputChecks = {
  newMilestone: (input) => firstProblem(Object.assign(new CreateMilestoneInput(), input)),
  milestoneChanges: (input) => firstProblem(Object.assign(new UpdateMilestoneInput(), input)),
  progressReport: (input) => firstProblem(Object.assign(new ReportProgressInput(), input)),
};
