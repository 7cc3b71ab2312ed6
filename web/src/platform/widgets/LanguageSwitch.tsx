import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * One button that switches zh-CN ⇄ English. Its name is the target language written in that
 * language ("English" / "中文"), marked with its own `lang` so screen readers pronounce it.
 */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { lang, t, setLang } = useI18n();
  const target = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type={type}
      icon={<GlobalOutlined aria-hidden />}
      lang={target}
      title={t('lang.switchLabel')}
      onClick={() => void setLang(target)}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
