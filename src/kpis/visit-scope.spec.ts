import { countedStatuses, includesUnapproved, SqlParams, visitScope, visitScopeSql } from './visit-scope';

describe('visitScope', () => {
  it('counts approved visits only for clients, whatever they ask', () => {
    const scope = visitScope('c1', { includeUnapproved: true, region: 'Maule' }, false);
    expect(scope).toEqual({ campaignId: 'c1', statuses: ['approved'], filters: { region: 'Maule' } });
    expect(includesUnapproved(scope)).toBe(false);
  });

  it('adds submitted visits when staff ask for unapproved ones, and only then', () => {
    expect(visitScope('c1', { includeUnapproved: true }, true).statuses).toEqual(['approved', 'submitted']);
    expect(includesUnapproved(visitScope('c1', { includeUnapproved: true }, true))).toBe(true);
    expect(visitScope('c1', {}, true).statuses).toEqual(countedStatuses(false));
  });
});

describe('visitScopeSql', () => {
  it('binds every filter as a parameter, approved only by default, no joins it does not need', () => {
    const params = new SqlParams();
    const { from, where } = visitScopeSql(visitScope('c1', {}, false), params);
    expect(from).toBe('visit_reports vr');
    expect(where).toBe('vr.campaign_id = $1 AND vr.status = ANY($2::text[])');
    expect(params.values).toEqual(['c1', ['approved']]);
  });

  it('adds channel, region, touchpoint, scenario and inclusive UTC dates, values bound in that order', () => {
    const params = new SqlParams();
    const scope = visitScope(
      'c1',
      {
        channel: 'phone',
        region: "O'Higgins",
        touchpointId: 't1',
        scenario: 'queja',
        from: '2026-10-01',
        to: '2026-10-31',
        includeUnapproved: true,
      },
      true,
    );
    const { from, where } = visitScopeSql(scope, params);
    expect(params.values).toEqual(['c1', ['approved', 'submitted'], 'phone', "O'Higgins", 't1', 'queja', '2026-10-01', '2026-10-31']);
    expect(where).toContain('vr.touchpoint_id IN (SELECT tf.id FROM touchpoints tf WHERE tf.channel = $3 AND tf.region = $4)');
    expect(where).toContain('vr.touchpoint_id = $5');
    expect(where).toContain('a.scenario_key = $6');
    expect(from).toContain('JOIN assignments a ON a.id = vr.assignment_id');
    expect(where).toContain(`vr.visited_at >= ($7::date)::timestamp AT TIME ZONE 'UTC'`);
    expect(where).toContain(`vr.visited_at < ($8::date + 1)::timestamp AT TIME ZONE 'UTC'`);
    expect(where).not.toContain("O'Higgins");
  });

  it('joins the touchpoint and the assignment when the caller reads their columns', () => {
    const { from } = visitScopeSql(visitScope('c1', {}, false), new SqlParams(), { touchpoint: true, assignment: true });
    expect(from).toBe('visit_reports vr JOIN touchpoints t ON t.id = vr.touchpoint_id JOIN assignments a ON a.id = vr.assignment_id');
  });

  it('numbers after what the SQL already bound', () => {
    const params = new SqlParams();
    params.add('earlier');
    expect(visitScopeSql(visitScope('c1', {}, false), params).where).toBe('vr.campaign_id = $2 AND vr.status = ANY($3::text[])');
  });
});
