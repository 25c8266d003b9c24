// The action plan: the items agreed after the previous wave, measured before → after with significance, and
// the items agreed after this wave (what the next wave will measure). Clients and consultants change states.
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { channelName } from '@server/exports/i18n';
import type { ProgramLabels } from '@server/exports/program/i18n';
import { useTranslation } from 'react-i18next';
import { useUpdateProgramAction, type ActionState, type ProgramModel } from '../../shared/api/queries';
import { useFormat } from '../../shared/format/format';
import { useReportLabels } from '../../shared/i18n';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { ChangeText } from '../components/ChangeText';
import { Figure } from '../components/Figure';
import { Section } from '../components/Section';
import { Significance } from './Significance';

type Item = ProgramModel['plannedActions'][number];
const STATES: ActionState[] = ['open', 'in_progress', 'done', 'cancelled'];

export function ActionPlan({ model, programId, words }: { model: ProgramModel; programId: string; words: ProgramLabels }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const update = useUpdateProgramAction(programId);

  const target = (item: Item) => {
    const channels = item.channels.length ? item.channels.map((channel) => channelName(labels, channel)).join(', ') : words.allChannels;
    return item.touchpointIds.length ? `${channels} · ${words.touchpoints(item.touchpointIds.length)}` : channels;
  };
  const stateSelect = (item: Item) => (
    <Select
      aria-label={t('programs.stateOf', { measure: item.measureTitle, owner: item.owner })}
      data={STATES.map((state) => ({ value: state, label: words.states[state] }))}
      value={item.state}
      onChange={(value) => value && value !== item.state && update.mutate({ actionId: item.id, state: value as ActionState })}
      allowDeselect={false}
      size="xs"
      w={140}
      disabled={update.isPending && update.variables?.actionId === item.id}
      data-testid="action-state"
    />
  );
  const measureCell = (item: Item) => (
    <Table.Th scope="row" fw={600}>
      {item.measureTitle}
      {item.note && (
        <Text size="xs" c="dimmed" fw={400}>
          {item.note}
        </Text>
      )}
    </Table.Th>
  );
  const details = (item: Item) => (
    <>
      <Table.Td>{target(item)}</Table.Td>
      <Table.Td>{item.owner}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(item.dueOn)}</Table.Td>
      <Table.Td>{stateSelect(item)}</Table.Td>
    </>
  );
  const measureHead = <Table.Th scope="col">{words.measure}</Table.Th>;
  const detailsHead = (
    <>
      <Table.Th scope="col">{words.target}</Table.Th>
      <Table.Th scope="col">{words.owner}</Table.Th>
      <Table.Th scope="col">{words.dueOn}</Table.Th>
      <Table.Th scope="col">{words.state}</Table.Th>
    </>
  );

  return (
    <Section id="actions" title={words.actionsTitle}>
      <Stack gap="lg">
        {update.isError && (
          <Text c="red" role="alert" size="sm">
            {update.error.message}
          </Text>
        )}
        <div>
          <Text size="sm" c="dimmed" mb="xs">
            {!model.wave.previousWaveName
              ? labels.noPreviousWave
              : model.actions.length
                ? t('programs.resultsIntro', { name: model.wave.previousWaveName })
                : words.noActions}
          </Text>
          {model.actions.length > 0 && (
            <ScrollBox label={words.actionsTitle}>
              <Table verticalSpacing="xs" fz="sm" striped data-testid="action-results">
                <Table.Thead>
                  <Table.Tr>
                    {measureHead}
                    <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {words.before} → {words.after}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {labels.change}
                    </Table.Th>
                    <Table.Th scope="col">{labels.significance}</Table.Th>
                    {detailsHead}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {model.actions.map((item) => {
                    const path = `actions[id=${item.id}]`;
                    return (
                      <Table.Tr key={item.id} data-action-id={item.id}>
                        {measureCell(item)}
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          <Figure kpi={`${path}.before`} format="decimal" value={item.before} /> →{' '}
                          <Figure kpi={`${path}.after`} format="decimal" value={item.after} />
                          <Text size="xs" c="dimmed">
                            n <Figure kpi={`${path}.nBefore`} format="integer" value={item.nBefore} /> →{' '}
                            <Figure kpi={`${path}.nAfter`} format="integer" value={item.nAfter} />
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <ChangeText value={item.change} kpi={`${path}.change`} />
                        </Table.Td>
                        <Table.Td>
                          <Significance
                            significant={item.significant}
                            pValue={item.pValue}
                            kpi={`${path}.pValue`}
                            testName={item.test ? words.testNames[item.test] : undefined}
                          />
                        </Table.Td>
                        {details(item)}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb={4} id="planned-title">
            {words.plannedTitle}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {model.plannedActions.length ? t('programs.plannedIntro') : t('programs.noPlanned')}
          </Text>
          {model.plannedActions.length > 0 && (
            <ScrollBox label={words.plannedTitle}>
              <Table verticalSpacing="xs" fz="sm" striped data-testid="action-planned">
                <Table.Thead>
                  <Table.Tr>
                    {measureHead}
                    {detailsHead}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {model.plannedActions.map((item) => (
                    <Table.Tr key={item.id} data-action-id={item.id}>
                      {measureCell(item)}
                      {details(item)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          )}
        </div>
      </Stack>
    </Section>
  );
}
