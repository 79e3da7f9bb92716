import type { Metadata } from 'next';
import { Table } from '@/components/ui/table';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listUsers } from '@/db/queries/users';
import { requireCapability } from '@/lib/auth/guards';
import { CreateUserForm } from './_components/create-user-form';
import { UserRowActions } from './_components/user-row-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UsersPage() {
  const me = await requireCapability('users:manage', '/admin/users');
  const [users, t, tRole, format] = await Promise.all([
    listUsers(),
    getTranslations('users'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <Table caption={t('tableCaption')} columns={[t('name'), t('role'), t('status'), t('twoStep'), t('lastSignIn'), t('actions')]}>
        {users.map((u) => (
          <tr key={u.id} className="align-top">
            <th scope="row" className="px-3 py-2 font-medium">
              {u.name}
              <span className="block text-xs font-normal text-slate-600">{u.email}</span>
            </th>
            <td className="px-3 py-2">{tRole(u.role)}</td>
            <td className="px-3 py-2">{u.isActive ? t('active') : t('inactive')}</td>
            <td className="px-3 py-2">{u.totpEnabled ? t('on') : t('off')}</td>
            <td className="px-3 py-2">
              {u.lastSignInAt ? format.dateTime(u.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')}
            </td>
            <td className="px-3 py-2">
              <UserRowActions userId={u.id} name={u.name} email={u.email} version={u.version} role={u.role} isActive={u.isActive} self={u.id === me.id} />
            </td>
          </tr>
        ))}
      </Table>
      <section aria-labelledby="new-user" className="space-y-4">
        <h2 id="new-user" className="text-xl font-semibold">{t('createTitle')}</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
