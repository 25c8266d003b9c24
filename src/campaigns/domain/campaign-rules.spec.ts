import { checkEndDateExtension, checkNewCampaign, type NewCampaignFacts } from './campaign-rules';

const facts = (overrides: Partial<NewCampaignFacts> = {}): NewCampaignFacts => ({
  clientId: 'client-a',
  startsOn: '2027-03-01',
  endsOn: '2027-03-31',
  questionnaire: { status: 'published', version: 2, title: 'Service' },
  touchpointIds: ['t1', 't2'],
  touchpointClients: new Map([
    ['t1', 'client-a'],
    ['t2', 'client-a'],
  ]),
  scenarioKeys: ['card', 'loan'],
  ...overrides,
});

describe('checkNewCampaign', () => {
  it('accepts a campaign of published questionnaire, own touchpoints, distinct scenarios and same-client previous wave', () => {
    expect(checkNewCampaign(facts({ previousCampaignClientId: 'client-a' }))).toEqual([]);
  });

  it('refuses a draft questionnaire on questionnaireId', () => {
    expect(checkNewCampaign(facts({ questionnaire: { status: 'draft', version: 3, title: 'Service' } }))).toEqual([
      { field: 'questionnaireId', reason: 'version 3 of "Service" is a draft; publish it first' },
    ]);
  });

  it("names each touchpoint that is missing or another client's by its index", () => {
    const problems = checkNewCampaign(
      facts({
        touchpointIds: ['t1', 'gone', 'tb'],
        touchpointClients: new Map([
          ['t1', 'client-a'],
          ['tb', 'client-b'],
        ]),
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['touchpointIds[1]', 'touchpointIds[2]']);
  });

  it('names a repeated scenario key at its second use, pointing at the first', () => {
    expect(checkNewCampaign(facts({ scenarioKeys: ['card', 'loan', 'card'] }))).toEqual([
      { field: 'scenarios[2].key', reason: 'scenario key "card" is already used by scenarios[0]' },
    ]);
  });

  it("refuses another client's previous wave, and the period's problems, all at once", () => {
    const problems = checkNewCampaign(facts({ previousCampaignClientId: 'client-b', endsOn: '9999-12-31' }));
    expect(problems.map((problem) => problem.field)).toEqual(['endsOn', 'previousCampaignId']);
  });

  it('names a retired touchpoint by its index, and an archived client on clientId', () => {
    const problems = checkNewCampaign(facts({ retiredTouchpointIds: new Set(['t2']), clientArchived: true }));
    expect(problems).toEqual([
      { field: 'clientId', reason: 'the client is archived; unarchive it first' },
      { field: 'touchpointIds[1]', reason: 'touchpoint t2 is retired and offered to no new campaign' },
    ]);
  });

  describe('checkEndDateExtension', () => {
    const current = { startsOn: '2027-03-01', endsOn: '2027-03-31' };
    it('accepts a later end within the longest period', () => {
      expect(checkEndDateExtension(current, '2027-04-15', '2027-03-20')).toEqual([]);
    });
    it('refuses an end that is not later, already passed, or too far', () => {
      expect(checkEndDateExtension(current, '2027-03-31', '2027-03-20').map((p) => p.field)).toEqual(['endsOn']);
      expect(checkEndDateExtension(current, '2027-04-02', '2027-04-10')[0].reason).toMatch(/already passed/);
      expect(checkEndDateExtension(current, '2028-12-31', '2027-03-20')[0].reason).toMatch(/at most 366 days/);
    });
  });
});
