import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import enUS from 'antd/locale/en_US';
import { App } from './app/App';
import { AuthProvider } from './app/auth';
import { translate, useLocale } from './lib/i18n';
import { ApiError } from './lib/api';
import { themeTokens, useElderMode } from './lib/elder';
import { GlobalStyles } from './app/GlobalStyles';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

function Root() {
  const [locale] = useLocale();
  const [elder] = useElderMode();
  useEffect(() => {
    document.documentElement.dataset.elder = elder ? 'on' : 'off';
  }, [elder]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate('app.name', undefined, locale);
    // Data fetched in one language (names of regions, messages) is refetched in the new one.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
  }, [locale]);
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={{ token: themeTokens(elder) }}>
      <GlobalStyles />
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <App />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
