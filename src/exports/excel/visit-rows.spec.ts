import type { SqlRunner } from '../../database/transactions';
import { streamVisitRows, visitBatchSql, visitFilterSql } from './visit-rows';

describe('visitFilterSql', () => {
  it('binds every filter as a parameter, approved only by default', () => {
    const { where, parameters } = visitFilterSql({ campaignId: 'c1', filters: {}, includeUnapproved: false });
    expect(where).toBe('vr.campaign_id = $1 AND vr.status = ANY($2::text[])');
    expect(parameters).toEqual(['c1', ['approved']]);
  });

  it('adds channel, region, touchpoint, scenario and inclusive UTC dates like the KPI model', () => {
    const { where, parameters } = visitFilterSql({
      campaignId: 'c1',
      filters: { channel: 'phone', region: "O'Higgins", touchpointId: 't1', scenario: 'queja', from: '2026-10-01', to: '2026-10-31' },
      includeUnapproved: true,
    });
    expect(parameters).toEqual(['c1', ['approved', 'submitted'], 'phone', "O'Higgins", 't1', 'queja', '2026-10-01', '2026-10-31']);
    expect(where).toContain('t.channel = $3');
    expect(where).toContain('t.region = $4');
    expect(where).toContain('vr.touchpoint_id = $5');
    expect(where).toContain('a.scenario_key = $6');
    expect(where).toContain(`vr.visited_at >= ($7::date)::timestamp AT TIME ZONE 'UTC'`);
    expect(where).toContain(`vr.visited_at < (($8::date + 1)::timestamp AT TIME ZONE 'UTC')`);
    expect(where).not.toContain("O'Higgins");
  });
});

describe('visitBatchSql', () => {
  it('pages by id after the last row, with the limit last, and never reads shopper columns', () => {
    const first = visitBatchSql({ campaignId: 'c1', filters: {}, includeUnapproved: false }, null, 2000);
    expect(first.parameters).toEqual(['c1', ['approved'], 2000]);
    expect(first.sql).toContain('ORDER BY vr.id');
    expect(first.sql).toContain('LIMIT $3');
    expect(first.sql).not.toContain('vr.id >');
    const next = visitBatchSql({ campaignId: 'c1', filters: { channel: 'email' }, includeUnapproved: false }, 'id-9', 2000);
    expect(next.parameters).toEqual(['c1', ['approved'], 'email', 'id-9', 2000]);
    expect(next.sql).toContain('vr.id > $4');
    expect(next.sql).toContain('LIMIT $5');
    expect(first.sql).toContain('jsonb_object_agg(va.question_key');
    expect(first.sql).not.toMatch(/shopper|employee|narrative|users/);
  });
});

describe('streamVisitRows', () => {
  const row = (id: string) => ({ id, visitedAt: '2026-10-01T10:00:00.000Z', sections: null, answers: null });

  function fakeRunner(ids: string[]) {
    const calls: unknown[][] = [];
    const runner: SqlRunner = {
      query: async (_sql: string, parameters: unknown[] = []) => {
        calls.push(parameters);
        const limit = parameters[parameters.length - 1] as number;
        const after = parameters.length === 4 ? (parameters[2] as string) : null;
        return ids.filter((id) => after === null || id > after).slice(0, limit).map(row);
      },
    };
    return { runner, calls };
  }

  async function collect(runner: SqlRunner, batchSize: number) {
    const out = [];
    for await (const visit of streamVisitRows(runner, { campaignId: 'c1', filters: {}, includeUnapproved: false }, batchSize)) out.push(visit);
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
    const iterator = streamVisitRows(runner, { campaignId: 'c1', filters: {}, includeUnapproved: false }, 2);
    expect(calls).toHaveLength(0);
    await iterator.next();
    await iterator.next();
    expect(calls).toHaveLength(1);
    await iterator.next();
    expect(calls).toHaveLength(2);
  });
});
