import { Text } from '@mantine/core';
import { useReportLabels } from '../../shared/i18n';
import { Figure } from '../components/Figure';

/** "Significant (p = 0.012)" in words, not colour alone; "not enough data" when no test could run. */
export function Significance({
  significant,
  pValue,
  kpi,
  testName,
}: {
  significant: boolean | null;
  pValue: number | null;
  kpi: string;
  testName?: string;
}) {
  const labels = useReportLabels();
  if (significant === null) {
    return (
      <Text span size="sm" c="dimmed">
        {labels.notEnoughData}
      </Text>
    );
  }
  return (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }} data-significant={significant ? 'yes' : 'no'}>
      <Text span inherit fw={600}>
        {significant ? labels.significant : labels.notSignificant}
      </Text>{' '}
      ({testName ? `${testName}, ` : ''}p = <Figure kpi={kpi} format="pValue" value={pValue} />)
    </Text>
  );
}
