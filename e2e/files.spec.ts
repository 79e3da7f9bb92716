import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { STORAGE } from './fixtures';

// Signed files as staff handle them: uploaded on the agreement's page through the streamed upload route, with
// JavaScript and without, in both languages; refused beside the field when too large or not a PDF; downloaded;
// deleted by an editor and restored by an admin.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const BIG = Buffer.alloc(25 * 1024 * 1024, 0x25);
const NAME = 'Durban MoU 协议.pdf';

const TEXT = {
  en: {
    region: 'Signed files',
    label: 'Signed copy (PDF)',
    upload: 'Upload',
    tooLarge: 'The file is larger than 20 MB.',
    notPdf: 'This file is not a PDF. Upload the signed copy as a PDF.',
    download: /^Download Durban MoU 协议\.pdf/,
  },
  zh: {
    region: '签署文本',
    label: '签署文本（PDF）',
    upload: '上传',
    tooLarge: '文件超过 20 MB。',
    notPdf: '此文件不是 PDF，请上传 PDF 格式的签署文本。',
    download: /^下载 Durban MoU 协议\.pdf/,
  },
} as const;

test.describe('signed files', () => {
  test.describe.configure({ mode: 'serial' });
  let agreementPath = '';

  test('an agreement is recorded without a file; its signed PDF is uploaded on its page and downloaded', async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE.editor });
    const page = await context.newPage();
    await page.goto('/partnerships?q=durban');
    await page.getByRole('link', { name: 'Durban', exact: true }).first().click();
    await page.getByRole('link', { name: 'Record an agreement' }).click();
    await expect(page.getByLabel('Signed copy (PDF)')).toHaveCount(0);
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Edit: Guangzhou–Durban memorandum of understanding' }).click();
    await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);
    agreementPath = new URL(page.url()).pathname;
    const files = page.getByRole('region', { name: 'Signed files' });
    await expect(files.getByText('No signed files yet.')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await files.getByLabel('Signed copy (PDF)').setInputFiles({ name: NAME, mimeType: 'application/pdf', buffer: PDF });
    await files.getByRole('button', { name: 'Upload' }).click();
    await expect(page).toHaveURL(/fileUploaded=1/);
    await expect(files.getByText('File uploaded.')).toBeVisible();
    await expect(files.getByText('internal', { exact: true })).toBeVisible();
    const download = page.waitForEvent('download');
    await files.getByRole('link', { name: TEXT.en.download }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(NAME);
    expect(Buffer.concat(await (await saved.createReadStream()).toArray()).equals(PDF)).toBe(true);
    // The response is a download that no browser sniffs or renders.
    const res = await page.request.get(await files.getByRole('link', { name: TEXT.en.download }).getAttribute('href').then((h) => h!));
    expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    await context.close();
  });

  for (const javaScript of [true, false]) {
    for (const lang of ['en', 'zh'] as const) {
      test(`a 25 MB file and a renamed program get the message beside the field (${lang}, JavaScript ${javaScript ? 'on' : 'off'})`, async ({ browser }) => {
        const context = await browser.newContext({ storageState: STORAGE.editor, javaScriptEnabled: javaScript });
        const page = await context.newPage();
        const t = TEXT[lang];
        await page.goto(lang === 'zh' ? `/zh${agreementPath}` : agreementPath);
        const files = page.getByRole('region', { name: t.region });
        const input = files.getByLabel(t.label);
        for (const [file, message] of [
          [{ name: 'big.pdf', buffer: BIG }, t.tooLarge],
          [{ name: 'mou.pdf', buffer: EXE }, t.notPdf],
        ] as const) {
          await input.setInputFiles({ ...file, mimeType: 'application/pdf' });
          await files.getByRole('button', { name: t.upload }).click();
          await expect(files.getByText(message)).toBeVisible();
          await expect(input).toHaveAttribute('aria-invalid', 'true');
          // With JavaScript the browser checks first and sends nothing; without, the server answers the post.
          if (javaScript) await expect(page).not.toHaveURL(/fileError=/);
          else await expect(page).toHaveURL(/fileError=/);
        }
        // Nothing was stored: the one file uploaded before is still the only one.
        await expect(files.getByRole('link', { name: t.download })).toHaveCount(1);
        await context.close();
      });
    }
  }

  test('an editor deletes the file; it no longer downloads; an admin sees it marked deleted and restores it', async ({ browser }) => {
    const editor = await browser.newContext({ storageState: STORAGE.editor });
    const page = await editor.newPage();
    await page.goto(agreementPath);
    const files = page.getByRole('region', { name: 'Signed files' });
    const href = (await files.getByRole('link', { name: TEXT.en.download }).getAttribute('href'))!;
    await files.getByText('Delete file').click();
    await files.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(files.getByText('No signed files yet.')).toBeVisible();
    expect((await page.request.get(href)).status()).toBe(404);
    await editor.close();

    const admin = await browser.newContext({ storageState: STORAGE.admin });
    const adminPage = await admin.newPage();
    await adminPage.goto(`/zh${agreementPath}`);
    const list = adminPage.getByRole('region', { name: '签署文本' });
    await expect(list.getByText('已删除', { exact: true })).toBeVisible();
    await list.getByRole('button', { name: `恢复 ${NAME}` }).click();
    await expect(list.getByRole('link', { name: TEXT.zh.download })).toBeVisible();
    expect((await adminPage.request.get(href)).status()).toBe(200);
    await admin.close();
  });
});
