// A small React wrapper around ECharts: one instance per element, resized with its box, disposed on unmount.
// ECharts (about 180 kB gzipped) is fetched only when a chart comes near the viewport, so the dashboard's
// figures — tiles and tables, which do not need it — show without waiting for it.
// The chart is an image for assistive technology (role="img" + label); the figures it shows are in a
// table next to it, which is what screen readers read.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type Library = (typeof import('./echarts'))['echarts'];
let library: Promise<Library> | null = null;
const loadLibrary = () => (library ??= import('./echarts').then((module) => module.echarts));

export function EChart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Library['init']> | null>(null);
  const [near, setNear] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
      rootMargin: '100px',
    });
    observer.observe(element.current!);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!near) return;
    let disposed = false;
    let resize: ResizeObserver | null = null;
    void loadLibrary().then((echarts) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current, null, { renderer: 'svg' });
      chart.current = instance;
      resize = new ResizeObserver(() => instance.resize());
      resize.observe(element.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [near]);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [option, ready]);

  return <div ref={element} role="img" aria-label={label} className="chart" data-chart-ready={ready ? 'yes' : 'no'} style={{ height }} />;
}
