import { data } from 'react-router';

export function loader() {
  throw data('There is no page at this address.', { status: 404 });
}

/** A form sent to an address with no page is "not found" too (not a server error). */
export function action() {
  throw data('There is no page at this address.', { status: 404 });
}

export default function NotFound() {
  return null;
}
