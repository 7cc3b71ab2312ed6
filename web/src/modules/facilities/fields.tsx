import type { FormItemProps } from 'antd';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** Date fields of the module's forms: values are `YYYY-MM-DD` strings in Asia/Shanghai. */

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in China, whatever the browser's time zone. */
export const todayInChina = (): string => shanghai.format(new Date());

/** Form.Item props that keep a DatePicker's value as a `YYYY-MM-DD` string in the form. */
export const dateItem: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined),
};

/** A date field: typed or picked. */
export function DateInput(props: {
  id?: string;
  value?: Dayjs;
  onChange?: (v: Dayjs | null) => void;
  allowClear?: boolean;
}) {
  return <DatePicker format="YYYY-MM-DD" {...props} style={{ width: '100%' }} />;
}
