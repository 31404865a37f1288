// Filtering happens here, over the events and proposals loaded once: it needs no network, so
// filters keep working while the API is down. The rules are the API's own (see
// /events?entity=, from, to, status, kind, provenance), so the page and the API agree.

/** The entities an event involves: its participants and its location. */
export function eventEntities(event) {
  const ids = (event.participants || []).map((participant) => participant.entity);
  return event.location ? [...ids, event.location] : ids;
}

/** The entities a proposal involves: proposers, guarantors, beneficiary and position holders. */
export function proposalEntities(proposal) {
  return [
    ...(proposal.proposers || []), ...(proposal.guarantors || []),
    ...(proposal.beneficiary ? [proposal.beneficiary] : []),
    ...(proposal.positions || []).map((position) => position.entity),
  ];
}

export function filterEvents(events, route, entityId) {
  return events.filter((event) => {
    if (entityId && !eventEntities(event).some((entity) => entity.id === entityId)) return false;
    if (route.status && !route.status.includes(event.status)) return false;
    if (route.kind && event.kind !== route.kind) return false;
    if (route.prov && event.provenance !== route.prov) return false;
    if (route.from || route.to) {
      if (!event.start) return false; // undated events leave a dated range, as in the API
      const last = (event.end || event.start).date;
      if (route.from && last < route.from) return false;
      if (route.to && event.start.date > route.to) return false;
    }
    return true;
  });
}

export function filterProposals(proposals, route, entityId) {
  return proposals.filter((proposal) => {
    if (entityId && !proposalEntities(proposal).some((entity) => entity.id === entityId)) return false;
    if (route.prov && proposal.provenance !== route.prov) return false;
    return true;
  });
}

const DAY = 86400000;

/** Milliseconds of a YYYY-MM-DD (UTC midnight). */
export function dayMs(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * The stretch of time an event's date covers: a day, the week or month a vague date means, or
 * its start–end range. `exact` is false when the date is approximate (drawn as a span).
 */
export function eventSpan(event) {
  if (!event.start) return null;
  const start = dayMs(event.start.date);
  let end = start + DAY;
  const precision = event.start.precision;
  if (precision === 'week') end = start + 7 * DAY;
  if (precision === 'month') {
    const date = new Date(start);
    end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  if (precision === 'year') end = Date.UTC(new Date(start).getUTCFullYear() + 1, 0, 1);
  if (event.end && event.end.date) end = Math.max(end, dayMs(event.end.date) + DAY);
  return { start, end, exact: precision === 'day' && (!event.end || event.end.precision === 'day') };
}

/** Events by date, then time of day where a date has one (`start.time`, "HH:MM"), then the API's order. */
export function byTime(events) {
  return events.map((event, index) => ({ event, index })).sort((a, b) => {
    const da = a.event.start ? a.event.start.date : '9999';
    const db = b.event.start ? b.event.start.date : '9999';
    if (da !== db) return da < db ? -1 : 1;
    const ta = (a.event.start && a.event.start.time) || '';
    const tb = (b.event.start && b.event.start.time) || '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.index - b.index;
  }).map((item) => item.event);
}
