/** Choose a user by searching name or login; used by the audit log's actor filter. */
import { Picker, type PickerItem, type PickerOptions } from '../../../components/picker.js';
import { useUsers } from '../api/list-users.js';

function useUserOptions(q: string, enabled: boolean): PickerOptions {
  const r = useUsers({ q, limit: 20 }, enabled);
  return {
    options: (r.data?.items ?? []).map((u) => ({ id: u.id, label: u.name, detail: u.login })),
    loading: r.isFetching,
    error: r.error,
  };
}

interface Props {
  label: string;
  placeholder?: string;
  value: PickerItem[];
  onChange: (items: PickerItem[]) => void;
}

export function UserPicker(props: Props) {
  return <Picker {...props} useOptions={useUserOptions} />;
}
