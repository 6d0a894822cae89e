import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { untypedApi } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { L, useT } from '../../lib/i18n';
import { chinaYear } from '../../lib/clock';
import { ErrorAlert } from '../../components/ErrorAlert';

interface CalendarView {
  firstYear: number;
  lastYear: number;
  provisionalYears: number[];
  nextYearDue: boolean;
  years: { year: number; source: string }[];
  days: { day: string; is_workday: boolean; name: string; source: string }[];
}
interface FormValues {
  year: number;
  source: string;
  lines: string;
}

const day = (v: unknown) => String(v ?? '').slice(0, 10);

/** Parses "2027-01-01,休,元旦" / "2027-02-07,班,春节调休" lines. */
function parseLines(text: string): { days: { date: string; workday: boolean; name: string }[]; bad: number[] } {
  const days: { date: string; workday: boolean; name: string }[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [date, kind, ...name] = line.split(/[,，\t]/).map((s) => s.trim());
    const workday = /^(班|work|workday|1|true)$/i.test(kind ?? '');
    const holiday = /^(休|off|holiday|0|false)$/i.test(kind ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || (!workday && !holiday) || !name.join('').trim()) bad.push(i + 1);
    else days.push({ date, workday, name: name.join(',').trim() });
  });
  return { days, bad };
}

/** Admin: the working-day calendar (years covered, holidays and make-up days) and loading a year. */
export default function CalendarPage() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const cal = useQuery({ queryKey: ['admin', 'calendar'], queryFn: ({ signal }) => untypedApi.get<CalendarView>('/admin/calendar', undefined, signal) });

  async function submit(v: FormValues) {
    const { days, bad } = parseLines(v.lines ?? '');
    if (bad.length) {
      form.setFields([{ name: 'lines', errors: [t(L('第 {n} 行格式不正确', '第 {n} 列格式不正確', 'Line(s) {n} are not valid'), { n: bad.join(', ') })] }]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      await untypedApi.post('/admin/calendar/years', { year: v.year, source: v.source, days });
      message.success(t(L('已载入 {year} 年日历', '已載入 {year} 年日曆', 'Calendar {year} loaded'), { year: v.year }));
      await qc.invalidateQueries({ queryKey: ['admin', 'calendar'] });
    } catch (e) {
      setProblems(applyFieldErrors(form, e, ['year', 'source'], { days: 'lines' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span data-testid="page-title">{t(L('工作日历', '工作日曆', 'Working-day calendar'))}</span>} loading={cal.isPending}>
        <ErrorAlert error={cal.error} />
        {cal.data ? (
          <>
            {cal.data.nextYearDue ? (
              <Alert
                type="warning"
                showIcon
                data-testid="next-year-due"
                style={{ marginBottom: 16 }}
                title={t(L('{y} 年放假安排通知应已发布，请尽快载入；在此之前相关期限按《全国年节及纪念日放假办法》推算（预计）。', '{y} 年放假安排通知應已發布，請盡快載入；在此之前相關期限按《全國年節及紀念日放假辦法》推算（預計）。', 'The {y} holiday notice is due: load it soon. Until then deadlines in {y} are provisional, predicted from the national holidays decree.'), { y: cal.data.lastYear + 1 })}
              />
            ) : null}
            <Typography.Paragraph>
              {t(L('已覆盖年份：{a} – {b}；{p} 年按《全国年节及纪念日放假办法》推算（预计）。载入或更正某年后，依赖该年的未结期限自动重算。', '已涵蓋年份：{a} – {b}；{p} 年按《全國年節及紀念日放假辦法》推算（預計）。載入或更正某年後，依賴該年的未結期限自動重算。', 'Years covered: {a} – {b}; {p} predicted from the national holidays decree (provisional). Loading or correcting a year recomputes the open deadlines that depend on it.'), {
                a: cal.data.firstYear,
                b: cal.data.lastYear,
                p: cal.data.provisionalYears.join('、'),
              })}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey={(r) => day(r.day)}
              dataSource={[...cal.data.days].reverse()}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              columns={[
                { title: t(L('日期', '日期', 'Date')), dataIndex: 'day', width: 130, render: (v: unknown) => day(v) },
                {
                  title: t(L('类型', '類型', 'Kind')),
                  dataIndex: 'is_workday',
                  width: 110,
                  render: (v: boolean) => (v ? <Tag color="blue">{t(L('调休上班', '補班', 'Make-up workday'))}</Tag> : <Tag color="red">{t(L('放假', '放假', 'Holiday'))}</Tag>),
                },
                { title: t(L('名称', '名稱', 'Name')), dataIndex: 'name' },
                { title: t(L('依据', '依據', 'Source')), dataIndex: 'source', ellipsis: true },
              ]}
            />
          </>
        ) : null}
      </Card>
      <Card title={t(L('载入某年节假日安排', '載入某年節假日安排', 'Load a year’s holiday notice'))}>
        {problems.length ? <Alert type="error" showIcon title={problems.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ year: chinaYear() + 1 }}>
          <Form.Item name="year" label={t(L('年份', '年份', 'Year'))} rules={[{ required: true }]}>
            <InputNumber min={2004} max={2100} />
          </Form.Item>
          <Form.Item name="source" label={t(L('依据（国务院办公厅通知）', '依據（國務院辦公廳通知）', 'Source (State Council notice)'))} rules={[{ required: true, min: 4 }]}>
            <Input placeholder="国办发明电〔2026〕X号" />
          </Form.Item>
          <Form.Item
            name="lines"
            label={t(L('日期清单（每行：日期,休/班,名称）', '日期清單（每列：日期,休/班,名稱）', 'Days (one per line: date,休/班,name)'))}
            extra={t(L('例：2027-01-01,休,元旦', '例：2027-01-01,休,元旦', 'e.g. 2027-01-01,休,New Year’s Day'))}
          >
            <Input.TextArea rows={8} placeholder={'2027-01-01,休,元旦\n2027-02-06,班,春节调休'} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t(L('载入', '載入', 'Load'))}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
