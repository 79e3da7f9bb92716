'use client';

// The last resort when the root layout itself fails: no catalogue is loaded, so both languages are written here.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <main role="alert">
          <h1>Something went wrong</h1>
          <p lang="zh-CN">出错了</p>
          <p>The page could not be shown. Please try again in a moment.</p>
          <p lang="zh-CN">页面暂时无法显示，请稍后再试。</p>
          <button type="button" onClick={reset}>
            Try again · <span lang="zh-CN">重试</span>
          </button>
        </main>
      </body>
    </html>
  );
}
