import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Input, Row, Table, Tree } from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useDebounced } from '../../hooks.ts';
import { useT } from '../../i18n/i18n.tsx';
import {
  fetchRegion,
  loadRegionChildren,
  loadRegionRoots,
  type Region,
  type RegionChild,
  regionKeys,
  regionPathLabel,
  searchRegions,
} from '../../regions.ts';
import { useScope } from '../../scope/scope.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

/** Browse the region tree lazily, or search it by code, name or pinyin initials (ajx → 安吉县). */
export default function RegionsPage() {
  const t = useT();
  const qc = useQueryClient();
  const scope = useScope();
  const roots = scope.regionCode ? [scope.regionCode] : scope.roots;
  const rootKey = roots === null ? '*' : roots.join(',');
  const [rootRows, setRootRows] = useState<RegionChild[]>([]);
  const [children, setChildren] = useState<Map<string, RegionChild[]>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: rootKey stands for roots
  useEffect(() => {
    let live = true;
    setChildren(new Map());
    void loadRegionRoots(qc, roots).then((rows) => live && setRootRows(rows));
    return () => {
      live = false;
    };
  }, [qc, rootKey]);

  const within = roots?.length === 1 ? (roots[0] ?? null) : null;
  const results = useQuery({
    queryKey: regionKeys.search(q, within),
    queryFn: () => searchRegions(q, within, 50),
    enabled: q.length > 0,
  });
  const detail = useQuery({
    queryKey: regionKeys.one(selected ?? ''),
    queryFn: () => fetchRegion(selected ?? ''),
    enabled: selected !== null,
    staleTime: 30 * 60_000,
  });

  const treeData = useMemo(() => {
    const build = (r: RegionChild): TreeNode => {
      const kids = children.get(r.code);
      return {
        key: r.code,
        title: r.name,
        isLeaf: kids ? kids.length === 0 : !(r.hasChildren ?? r.level < 5),
        ...(kids && kids.length > 0 ? { children: kids.map(build) } : {}),
      };
    };
    return rootRows.map(build);
  }, [rootRows, children]);

  const loadData = async (node: { key: Key }) => {
    const code = String(node.key);
    if (children.has(code)) return;
    const rows = await loadRegionChildren(qc, code);
    setChildren((m) => new Map(m).set(code, rows));
  };

  return (
    <>
      <PageHeader title={t('regions.title')} description={t('regions.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="gf-card-title">{t('regions.tree')}</h2>}>
            <Input.Search
              aria-label={t('regions.search')}
              placeholder={t('regions.searchPlaceholder')}
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={setSearch}
              loading={results.isFetching}
              className="gf-block"
            />
            {q.length > 0 ? (
              <>
                <ErrorAlert error={results.error} />
                <Table<Region>
                  aria-label={t('regions.results')}
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={results.data}
                  locale={{ emptyText: t('regions.noResults') }}
                  columns={[
                    {
                      title: t('regions.code'),
                      dataIndex: 'code',
                      width: 130,
                      render: (c: string) => <code>{c}</code>,
                    },
                    {
                      title: t('regions.name'),
                      dataIndex: 'name',
                      render: (name: string, r) => (
                        <Button type="link" className="gf-link-cell" onClick={() => setSelected(r.code)}>
                          {name}
                        </Button>
                      ),
                    },
                    { title: t('regions.level'), dataIndex: 'levelName', width: 90 },
                    { title: t('regions.path'), key: 'path', render: (_, r) => regionPathLabel(r) },
                  ]}
                />
              </>
            ) : (
              <Tree
                treeData={treeData}
                loadData={loadData}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] ? String(keys[0]) : null)}
                aria-label={t('regions.tree')}
                height={560}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="gf-card-title">{t('regions.detail')}</h2>}>
            <ErrorAlert error={detail.error} />
            {detail.data ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'code', label: t('regions.code'), children: <code>{detail.data.code}</code> },
                  { key: 'name', label: t('regions.name'), children: detail.data.name },
                  { key: 'level', label: t('regions.level'), children: detail.data.levelName },
                  { key: 'pinyin', label: t('regions.pinyin'), children: detail.data.pinyin },
                  { key: 'path', label: t('regions.path'), children: regionPathLabel(detail.data) },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regions.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
