import { timingMetricOf } from './definition';

describe('timingMetricOf', () => {
  it('measures wait time on synchronous channels and response time on the others', () => {
    expect(timingMetricOf('phone')).toBe('wait_time');
    expect(timingMetricOf('in_person')).toBe('wait_time');
    expect(timingMetricOf('email')).toBe('response_time');
    expect(timingMetricOf('whatsapp')).toBe('response_time');
  });
});
