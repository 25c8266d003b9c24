// One figure of the KPI model on screen. `data-kpi` names where it comes from in GET /kpis (e.g.
// "sections[key=service].mean") and `data-format` how it is written, so the browser tests can check
// every figure against the API.
import { useFormat, type Formatters } from '../../shared/format/format';

export type FigureFormat = 'decimal' | 'percent' | 'integer' | 'change' | 'duration' | 'pValue';

export function Figure({ kpi, format: kind, value }: { kpi: string; format: FigureFormat; value: number | null | undefined }) {
  const format: Formatters = useFormat();
  return (
    <span data-kpi={kpi} data-format={kind} className="tabular">
      {format[kind](value)}
    </span>
  );
}
