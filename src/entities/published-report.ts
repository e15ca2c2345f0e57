import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { DateTimeScalar } from './scalars';
import { Node, RowRecord } from './base-record';

/**
 * A frozen edition of a plan's annual report. Rows are only ever inserted: a published edition
 * never changes, and publishing again makes edition n + 1.
 */
@ObjectType({
  implements: Node,
  description:
    'A published (frozen) edition of an annual report. It was computed for the public: restricted (PARTNERS) milestones and suppressed sensitive indicator values are left out, so it is safe to share. It never changes; publishing again makes a new edition.',
})
@Entity('published_report')
export class PublishedReport extends RowRecord {
  @Column({ type: 'integer' })
  planId: number;

  @Field(() => Int, { description: 'The reporting year (fiscal or calendar, as the plan defines it).' })
  @Column({ type: 'integer' })
  year: number;

  /** The published version number, 1, 2, 3… per plan and year (not an optimistic-locking version). */
  @Field(() => Int, { description: 'Which edition of this year\'s report: 1 for the first publication, then 2, 3…' })
  @Column({ type: 'integer' })
  edition: number;

  @Field(() => DateTimeScalar, { description: 'When it was published.' })
  @CreateDateColumn()
  publishedAt: Date;

  /** Shown through a field resolver: staff names reach signed-in readers only. */
  @Column({ type: 'varchar', length: 200 })
  publishedBy: string;

  @Field({ description: 'The report as Markdown, exactly as published.' })
  @Column({ type: 'text' })
  markdown: string;

  @Field({ description: 'The report as a self-contained HTML page, exactly as published.' })
  @Column({ type: 'text' })
  html: string;

  /** The report's figures as JSON (AnnualReportData), exactly as published. */
  @Column({ type: 'text' })
  figures: string;
}
