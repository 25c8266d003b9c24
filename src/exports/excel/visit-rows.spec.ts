import type { SqlRunner } from '../../database/transactions';
import { visitScope, visitScopeSql, SqlParams } from '../../kpis/visit-scope';
import { streamVisitRows, visitBatchSql } from './visit-rows';

describe('visitBatchSql', () => {
  it('pages by id after the last row, with the limit last, and never reads shopper columns', () => {
    const first = visitBatchSql(visitScope('c1', {}, false), null, 2000);
    expect(first.parameters).toEqual(['c1', ['approved'], 2000]);
    expect(first.sql).toContain('ORDER BY vr.id');
    expect(first.sql).toContain('LIMIT $3');
    expect(first.sql).not.toContain('vr.id >');
    const next = visitBatchSql(visitScope('c1', { channel: 'email' }, false), 'id-9', 2000);
    expect(next.parameters).toEqual(['c1', ['approved'], 'email', 'id-9', 2000]);
    expect(next.sql).toContain('vr.id > $4');
    expect(next.sql).toContain('LIMIT $5');
    expect(first.sql).toContain('jsonb_object_agg(va.question_key');
    expect(first.sql).not.toMatch(/shopper|employee|narrative|users/);
  });

  it('counts exactly the visits of the KPI scope: its FROM and WHERE, verbatim', () => {
    const scope = visitScope('c1', { region: 'Maule', scenario: 'queja', from: '2026-10-01', includeUnapproved: true }, true);
    const { from, where } = visitScopeSql(scope, new SqlParams(), { touchpoint: true, assignment: true });
    const { sql, parameters } = visitBatchSql(scope, null, 10);
    expect(sql).toContain(`FROM ${from}`);
    expect(sql).toContain(`WHERE ${where}`);
    expect(parameters).toEqual(['c1', ['approved', 'submitted'], 'Maule', 'queja', '2026-10-01', 10]);
  });
});

describe('streamVisitRows', () => {
  const row = (id: string) => ({ id, visitedAt: '2026-10-01T10:00:00.000Z', sections: null, answers: null });

  function fakeRunner(ids: string[]) {
    const calls: unknown[][] = [];
    const runner: SqlRunner = {
      query: (_sql: string, parameters: unknown[] = []) => {
        calls.push(parameters);
        const limit = parameters[parameters.length - 1] as number;
        const after = parameters.length === 4 ? (parameters[2] as string) : null;
        return Promise.resolve(
          ids
            .filter((id) => after === null || id > after)
            .slice(0, limit)
            .map(row),
        );
      },
    };
    return { runner, calls };
  }

  async function collect(runner: SqlRunner, batchSize: number) {
    const out = [];
    for await (const visit of streamVisitRows(runner, visitScope('c1', {}, false), batchSize)) out.push(visit);
    return out;
  }

  it('reads batch after batch until a short one, keyed on the last id', async () => {
    const { runner, calls } = fakeRunner(['a', 'b', 'c', 'd', 'e']);
    const visits = await collect(runner, 2);
    expect(visits.map((visit) => visit.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(calls).toEqual([
      ['c1', ['approved'], 2],
      ['c1', ['approved'], 'b', 2],
      ['c1', ['approved'], 'd', 2],
    ]);
    expect(visits[0].visitedAt).toEqual(new Date('2026-10-01T10:00:00.000Z'));
    expect(visits[0].sections).toEqual({});
    expect(visits[0].answers).toEqual({});
  });

  it('asks once more when the last batch is exactly full, and once for none', async () => {
    const exact = fakeRunner(['a', 'b', 'c', 'd']);
    expect(await collect(exact.runner, 2)).toHaveLength(4);
    expect(exact.calls).toHaveLength(3);
    const none = fakeRunner([]);
    expect(await collect(none.runner, 2)).toEqual([]);
    expect(none.calls).toHaveLength(1);
  });

  it('reads nothing until asked: the next batch waits for the consumer', async () => {
    const { runner, calls } = fakeRunner(['a', 'b', 'c']);
    const iterator = streamVisitRows(runner, visitScope('c1', {}, false), 2);
    expect(calls).toHaveLength(0);
    await iterator.next();
    await iterator.next();
    expect(calls).toHaveLength(1);
    await iterator.next();
    expect(calls).toHaveLength(2);
  });
});
