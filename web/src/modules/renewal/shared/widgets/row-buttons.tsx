import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import type { ReactNode } from 'react';

/** The remove button at the end of a repeated form row, aligned with the row's fields. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Form.Item label={<span aria-hidden>{'\u00a0'}</span>}>
      <Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={onClick} aria-label={label} />
    </Form.Item>
  );
}

/** The dashed button under a list of repeated form rows that adds one more. */
export function AddRowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}
