import { NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../platform/api/client.ts';
import type { ApiBody, ApiElement } from '../../../platform/api/types.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useServerError } from '../../../platform/forms.ts';
import { useFormat } from '../../../platform/i18n/format.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { useDefaultRegion, useScope } from '../../../platform/scope/scope.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';

type Notice = ApiElement<'/api/notices'>;
type NoticeBody = ApiBody<'/api/notices'>;
const noticeKeys = { all: ['notices'] as const };

/** Work notices in the user's scope (narrowed by the header's region), and the publish form. */
export default function NoticesPage() {
  const t = useT();
  const fmt = useFormat();
  const can = useCan();
  const scope = useScope();
  const [publishing, setPublishing] = useState(false);
  const notices = useQuery({ queryKey: noticeKeys.all, queryFn: () => unwrap(api.GET('/api/notices')) });
  const shown = (notices.data ?? []).filter(
    (n) => !scope.regionCode || n.regionCode.startsWith(scope.regionCode),
  );

  return (
    <>
      <PageHeader
        title={t('notices.title')}
        description={t('notices.description')}
        extra={
          can('notice.publish') ? (
            <Button
              type="primary"
              icon={<NotificationOutlined aria-hidden />}
              onClick={() => setPublishing(true)}
            >
              {t('notices.publish')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={notices.error} onRetry={() => void notices.refetch()} />
      <section aria-label={t('notices.list')} aria-busy={notices.isPending}>
        {shown.length === 0 && !notices.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.empty')} />
        ) : (
          <ul className="gf-notices">
            {shown.map((n) => (
              <li key={n.id}>
                <NoticeCard notice={n} publishedAt={fmt.dateTime(n.publishedAt)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <PublishModal open={publishing} onClose={() => setPublishing(false)} />
    </>
  );
}

function NoticeCard({ notice, publishedAt }: { notice: Notice; publishedAt: string }) {
  const t = useT();
  return (
    <Card size="small" title={<h2 className="gf-card-title">{notice.title}</h2>}>
      <p className="gf-prewrap">{notice.body}</p>
      <Space size="small" wrap className="gf-muted gf-small">
        <Tag>{notice.regionName || notice.regionCode}</Tag>
        <span>
          {t('notices.publishedAt')}: <time dateTime={notice.publishedAt}>{publishedAt}</time>
        </span>
      </Space>
    </Card>
  );
}

const FIELDS = ['title', 'body', 'regionCode'] as const;

function PublishModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const defaultRegion = useDefaultRegion();
  const qc = useQueryClient();
  const [form] = Form.useForm<NoticeBody>();
  const server = useServerError(form, FIELDS);
  const publish = useMutation({
    mutationFn: (body: NoticeBody) => unwrap(api.POST('/api/notices', { body })),
    onSuccess: () => {
      void message.success(t('notices.published'));
      void qc.invalidateQueries({ queryKey: noticeKeys.all });
      onClose();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={open}
      title={t('notices.publishTitle')}
      onCancel={onClose}
      okText={t('notices.publish')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: publish.isPending }}
      destroyOnHidden
      width={640}
      afterClose={() => {
        form.resetFields();
        server.clear();
      }}
      modalRender={(dom) => (
        <Form<NoticeBody>
          form={form}
          name="notice"
          layout="vertical"
          initialValues={{ regionCode: defaultRegion }}
          onFinish={(v) => {
            server.clear();
            publish.mutate({ title: v.title.trim(), body: v.body.trim(), regionCode: v.regionCode });
          }}
        >
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={server.error} />
      <Form.Item
        name="title"
        label={t('notices.titleField')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('notices.titleField') }),
          },
        ]}
      >
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('notices.body')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('notices.body') }) },
        ]}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('notices.region')}
        rules={[{ required: true, message: t('common.required', { field: t('notices.region') }) }]}
      >
        <RegionSelect allowClear={false} />
      </Form.Item>
    </Modal>
  );
}
