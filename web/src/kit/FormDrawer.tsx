import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, type FormInstance, type FormProps, Space, Spin } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useT } from '../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../platform/widgets/ErrorAlert.tsx';
import { placeServerError } from './server-errors.ts';

export type FormStart<V> = Parameters<FormInstance<V>['setFieldsValue']>[0];

export interface FormDrawerProps<V extends object, R> {
  open: boolean;
  title: ReactNode;
  /** The form (Form.useForm), for fields that watch others. */
  form: FormInstance<V>;
  /** The form's name: field ids are `<name>_<field>`, the form's id `<name>-form`. */
  name: string;
  /** The values the form starts from each time it opens; applied again when they change while nothing was typed (a record that has loaded). */
  initialValues?: FormStart<V>;
  /** The record is still loading: a spinner instead of the fields. */
  loading?: boolean;
  /** Saves the values (create or update); its answer goes to `onSaved`. */
  submit: (values: V) => Promise<R>;
  /** Query keys refreshed after a save (the list's, e.g. `rk.all`). */
  invalidate?: readonly QueryKey[];
  /** After a save; the drawer has closed. */
  onSaved?: (result: R) => void;
  onClose: () => void;
  /** The save button's text (保存). */
  okText?: string;
  /** The message after a save (已保存); null for none. */
  savedMessage?: string | null;
  /** Server error fields the form holds under another name: `{ budgetFen: 'budgetYuan' }`. */
  fieldAliases?: Readonly<Record<string, string>>;
  size?: number | 'default' | 'large';
  /** More of the antd Form's props (layout is vertical). */
  formProps?: Omit<FormProps<V>, 'form' | 'name' | 'id' | 'onFinish' | 'onValuesChange' | 'children'>;
  children: ReactNode;
}

/** Enter in a one-line field (or a select, a date) must not save a half-filled form; text areas keep their new lines. */
function noEnterSubmit(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.target instanceof HTMLInputElement)
    e.preventDefault();
}

/**
 * The create/edit drawer: an antd Drawer around a Form. Enter in a one-line field does not
 * submit; closing with unsaved changes asks first ("放弃未保存的修改？"); a server error that
 * names a field shows under that field, any other above the form; 保存 spins and is disabled
 * while saving; a save closes the drawer and refreshes the list's queries.
 */
export function FormDrawer<V extends object, R = unknown>({
  open,
  title,
  form,
  name,
  initialValues,
  loading = false,
  submit,
  invalidate,
  onSaved,
  onClose,
  okText,
  savedMessage,
  fieldAliases,
  size = 'default',
  formProps,
  children,
}: FormDrawerProps<V, R>) {
  const t = useT();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const edited = useRef(false);
  // Only what the user did counts as a change: a field that sets its own value when it mounts
  // or when a loaded record arrives (a region picker filling in its path) is not typing.
  const interacted = useRef(false);
  const asking = useRef(false);
  const wasOpen = useRef(false);
  const isDirty = () => interacted.current && (edited.current || form.isFieldsTouched());
  const userActs = () => {
    interacted.current = true;
  };

  // (re)start the form when it opens, and when its start changes before anything was typed
  const startKey = JSON.stringify(initialValues ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: startKey stands for initialValues
  useEffect(() => {
    const opening = open && !wasOpen.current;
    wasOpen.current = open;
    if (!open || (!opening && isDirty())) return;
    setError(null);
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues);
    edited.current = false;
    interacted.current = false;
  }, [open, startKey, form]);

  const save = useMutation({
    mutationFn: submit,
    onSuccess: (result) => {
      if (savedMessage !== null) void message.success(savedMessage ?? t('common.saved'));
      for (const queryKey of invalidate ?? []) void qc.invalidateQueries({ queryKey });
      edited.current = false;
      onClose();
      onSaved?.(result);
    },
    onError: (e) => {
      const fields = Object.keys(form.getFieldsValue(true) as object).concat(
        Object.keys(form.getFieldsValue() as object),
      );
      setError(placeServerError(form, e, fields, fieldAliases) ? null : e);
    },
  });

  const requestClose = () => {
    if (!isDirty()) {
      onClose();
      return;
    }
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('kit.discardTitle'),
      content: t('kit.discardContent'),
      okText: t('kit.discard'),
      okButtonProps: { danger: true },
      cancelText: t('kit.keepEditing'),
      onOk: () => {
        edited.current = false;
        onClose();
      },
      afterClose: () => {
        asking.current = false;
      },
    });
  };

  const id = `${name}-form`;
  return (
    <Drawer
      open={open}
      onClose={requestClose}
      title={title}
      size={size}
      destroyOnHidden
      footer={
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            form={id}
            loading={save.isPending}
            disabled={save.isPending || loading}
          >
            {okText ?? t('common.save')}
          </Button>
          <Button onClick={requestClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {loading ? <Spin /> : null}
      <Form<V>
        layout="vertical"
        {...formProps}
        form={form}
        id={id}
        name={name}
        hidden={loading}
        onKeyDown={(e) => {
          userActs();
          noEnterSubmit(e);
        }}
        onPointerDown={userActs}
        onPaste={userActs}
        onDrop={userActs}
        onValuesChange={() => {
          edited.current = true;
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        {children}
      </Form>
    </Drawer>
  );
}
