/**
 * Asks for permission to notify, when the browser has not been told yet. Call it in the
 * handler of the user's own gesture: browsers ignore or block requests made without one.
 * Returns whether it asked.
 */
export function requestNotificationPermission(): boolean {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return false;
  void Promise.resolve(Notification.requestPermission()).catch(() => undefined);
  return true;
}
