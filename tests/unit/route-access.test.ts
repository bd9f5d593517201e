// Walks every route × every role: a loader answers with data only when the permission table
// allows it, and every route file must be listed here (a new route without a decision fails).
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import {
  type Action,
  can,
  type PermissionObject,
  ROLES,
  type Role,
  type Scope,
} from "~/modules/auth/permissions";
import { seedDemoData } from "~/modules/demo/seed.server";
import { makeRequest, settle, signedIn, testContext } from "../factories";

type Need = readonly [Action, PermissionObject, Scope?];
type RouteSpec = {
  file: string;
  path: string;
  public?: true;
  signedIn?: true;
  get?: Need;
  post?: Need;
  postForm?: Record<string, string>;
  /** Status an allowed role gets for the invalid form (default 400). */
  postStatus?: number;
  /** What an allowed GET answers, when not 200. */
  getStatus?: number;
};

const ROUTES: RouteSpec[] = [
  { file: "_index.tsx", path: "/", signedIn: true },
  { file: "anmelden.tsx", path: "/anmelden", public: true },
  { file: "abmelden.tsx", path: "/abmelden", public: true },
  { file: "healthz.ts", path: "/healthz", public: true },
  { file: "ueber.tsx", path: "/ueber", public: true },
  { file: "einladung.$token.tsx", path: "/einladung/unbekannt", public: true },
  // The calendar feed: its secret is the permission; an unknown one is a 404 for everyone.
  { file: "kalender.$token.ts", path: "/kalender/unbekannt.ics", public: true },
  { file: "passwort-vergessen.tsx", path: "/passwort-vergessen", public: true },
  // A document: signed in with a role, then the document's record decides (unknown: 404).
  {
    file: "dokumente.$id.ts",
    path: "/dokumente/unbekannt",
    get: ["read", "dashboard"],
    getStatus: 404,
  },
  { file: "anmelden_.code.tsx", path: "/anmelden/code", public: true },
  { file: "anmelden_.einrichten.tsx", path: "/anmelden/einrichten", public: true },
  {
    file: "_app.konto.tsx",
    path: "/konto",
    get: ["read", "dashboard"],
    post: ["read", "dashboard"],
    postForm: { code: "" },
  },
  { file: "passwort.$token.tsx", path: "/passwort/unbekannt", public: true },
  { file: "_app.tsx", path: "/uebersicht", signedIn: true },
  { file: "_app.uebersicht/route.tsx", path: "/uebersicht", get: ["read", "dashboard"] },
  {
    file: "_app.verwaltung._index.tsx",
    path: "/verwaltung",
    get: ["read", "user", "any"],
    post: ["create", "user", "any"],
    postForm: { name: "Neu", email: "" },
  },
  {
    file: "_app.verwaltung.loeschregeln.tsx",
    path: "/verwaltung/loeschregeln",
    get: ["read", "retention", "any"],
    post: ["create", "retention", "any"],
    postForm: { planId: "" },
  },
  {
    file: "_app.antraege.$id.tsx",
    path: "/antraege/:request",
    get: ["update", "participant"],
    post: ["update", "participant"],
    postForm: { identityMethod: "" },
  },
  {
    file: "_app.antraege.$id.auskunft.ts",
    path: "/antraege/:request/auskunft",
    get: ["update", "participant"],
  },
  {
    file: "_app.verwaltung.protokoll.tsx",
    path: "/verwaltung/protokoll",
    get: ["read", "audit", "any"],
  },
  {
    file: "_app.verwaltung.protokoll.csv.ts",
    path: "/verwaltung/protokoll/csv",
    get: ["read", "audit", "any"],
  },
  {
    file: "_app.verwaltung.postausgang.tsx",
    path: "/verwaltung/postausgang",
    get: ["read", "outbox", "any"],
  },
  {
    file: "_app.unternehmen._index.tsx",
    path: "/unternehmen",
    get: ["read", "company"],
    post: ["read", "company"],
    postForm: { name: "" },
  },
  { file: "_app.unternehmen.export.ts", path: "/unternehmen/export", get: ["read", "company"] },
  { file: "_app.kontakte.export.ts", path: "/kontakte/export", get: ["read", "contact"] },
  {
    file: "_app.unternehmen.import.tsx",
    path: "/unternehmen/import",
    get: ["create", "company"],
    post: ["create", "company"],
    postForm: { datei: "kein-gueltiges-token" },
    postStatus: 404,
  },
  {
    file: "_app.unternehmen.neu.tsx",
    path: "/unternehmen/neu",
    get: ["create", "company"],
    post: ["create", "company"],
    postForm: { name: "" },
  },
  {
    file: "_app.unternehmen.pipeline.tsx",
    path: "/unternehmen/pipeline",
    get: ["read", "company"],
    post: ["update", "company"],
    postForm: { id: "", status: "x" },
  },
  {
    file: "_app.unternehmen.$id._index/route.tsx",
    path: "/unternehmen/:company",
    get: ["read", "company"],
    post: ["create", "interaction"],
    postForm: { type: "anruf", occurredAt: "" },
  },
  {
    file: "_app.unternehmen.$id.bearbeiten.tsx",
    path: "/unternehmen/:company/bearbeiten",
    get: ["update", "company"],
    post: ["update", "company"],
    postForm: { name: "" },
  },
  {
    file: "_app.kontakte._index.tsx",
    path: "/kontakte",
    get: ["read", "contact"],
    post: ["update", "contact"],
    postForm: { aktion: "" },
  },
  {
    file: "_app.kontakte.neu.tsx",
    path: "/kontakte/neu",
    get: ["create", "contact"],
    post: ["create", "contact"],
    postForm: { firstName: "" },
  },
  {
    file: "_app.kontakte.$id._index.tsx",
    path: "/kontakte/:contact",
    get: ["read", "contact"],
    post: ["update", "contact"],
    postForm: { givenAt: "" },
  },
  {
    file: "_app.kontakte.$id.bearbeiten.tsx",
    path: "/kontakte/:contact/bearbeiten",
    get: ["update", "contact"],
    post: ["update", "contact"],
    postForm: { firstName: "" },
  },
  {
    file: "_app.teilnehmende._index.tsx",
    path: "/teilnehmende",
    get: ["read", "participant"],
    post: ["update", "participant", "any"],
    postForm: { aktion: "" },
  },
  {
    file: "_app.teilnehmende.neu.tsx",
    path: "/teilnehmende/neu",
    get: ["create", "participant"],
    post: ["create", "participant"],
    postForm: { firstName: "" },
  },
  {
    file: "_app.teilnehmende.$id._index/route.tsx",
    path: "/teilnehmende/:participant",
    get: ["read", "participant"],
    post: ["update", "participant"],
    postForm: { purpose: "" },
  },
  {
    file: "_app.teilnehmende.$id.bearbeiten.tsx",
    path: "/teilnehmende/:participant/bearbeiten",
    get: ["update", "participant"],
    post: ["update", "participant"],
    postForm: { firstName: "" },
  },
  {
    file: "_app.teilnehmende.$id.profil.tsx",
    path: "/teilnehmende/:participant/profil",
    get: ["read", "participant"],
  },
  {
    file: "_app.teilnehmende.$id.matching.tsx",
    path: "/teilnehmende/:participant/matching",
    get: ["read", "matching"],
  },
  {
    file: "_app.matching.$id.tsx",
    path: "/matching/:offer",
    get: ["read", "matching"],
  },
  {
    file: "_app.praktika.vorschlagen.ts",
    path: "/praktika/vorschlagen",
    post: ["create", "internship"],
    postForm: { offerId: "" },
  },
  {
    file: "_app.praktika.$id.tsx",
    path: "/praktika/:internship",
    get: ["read", "internship"],
    post: ["update", "internship"],
    postForm: { status: "x" },
  },
  {
    file: "_app.veranstaltungen.neu.tsx",
    path: "/veranstaltungen/neu",
    get: ["create", "event"],
    post: ["create", "event"],
    postForm: { title: "" },
  },
  {
    file: "_app.veranstaltungen.$id._index/route.tsx",
    path: "/veranstaltungen/:event",
    get: ["read", "event"],
    post: ["update", "event"],
    postForm: { registrationId: "" },
  },
  {
    file: "_app.veranstaltungen.$id.bearbeiten.tsx",
    path: "/veranstaltungen/:event/bearbeiten",
    get: ["update", "event"],
    post: ["update", "event"],
    postForm: { title: "" },
  },
  {
    file: "_app.veranstaltungen.$id.einladen.tsx",
    path: "/veranstaltungen/:event/einladen",
    get: ["update", "event"],
    post: ["update", "event"],
    // An empty post is the first step with nobody ticked: refused at the list, nothing sent.
  },
  {
    file: "_app.veranstaltungen.$id.teilnahmeliste.tsx",
    path: "/veranstaltungen/:event/teilnahmeliste",
    get: ["read", "event"],
  },
  { file: "anmeldung.$slug.tsx", path: "/anmeldung/unbekannt", public: true },
  {
    file: "anmeldung.$slug_.abmelden.$token.tsx",
    path: "/anmeldung/unbekannt/abmelden/x",
    public: true,
  },
  { file: "api.resend-webhook.ts", path: "/api/resend-webhook", public: true },
  { file: "_app.veranstaltungen._index.tsx", path: "/veranstaltungen", get: ["read", "event"] },
  { file: "_app.praktika._index.tsx", path: "/praktika", get: ["read", "internship"] },
  { file: "_app.matching._index.tsx", path: "/matching", get: ["read", "matching"] },
  {
    file: "_app.wiedervorlagen.tsx",
    path: "/wiedervorlagen",
    get: ["read", "followup"],
    post: ["update", "followup"],
    postForm: { id: "", version: "x" },
  },
  {
    file: "_app.berichte.esf.ts",
    path: "/berichte/esf?projekt=:project",
    get: ["read", "report", "any"],
  },
  // Without Chromium in the test environment the PDF route says so (503); the browser test prints.
  {
    file: "_app.berichte.pdf.ts",
    path: "/berichte/pdf?projekt=:project",
    get: ["read", "report", "any"],
    getStatus: 503,
  },
  {
    file: "_app.berichte.projekte._index.tsx",
    path: "/berichte/projekte",
    get: ["read", "project", "any"],
  },
  {
    file: "_app.berichte.projekte.neu.tsx",
    path: "/berichte/projekte/neu",
    get: ["create", "project", "any"],
    post: ["create", "project", "any"],
    postForm: { name: "" },
  },
  {
    file: "_app.berichte.projekte.$id.tsx",
    path: "/berichte/projekte/:project",
    get: ["update", "project", "any"],
    post: ["update", "project", "any"],
    postForm: { name: "" },
  },
  {
    file: "_app.berichte.multiplikatoren.tsx",
    path: "/berichte/multiplikatoren",
    get: ["read", "report", "any"],
  },
  { file: "_app.berichte._index.tsx", path: "/berichte", get: ["read", "report", "any"] },
  { file: "_app.suche.tsx", path: "/suche?q=mueller", get: ["read", "company"] },
];

const routesDir = path.resolve("app/routes");
const loadRoute = (file: string) =>
  import(/* @vite-ignore */ path.join(routesDir, file)) as Promise<{
    loader?: (a: LoaderFunctionArgs) => Promise<unknown>;
    action?: (a: ActionFunctionArgs) => Promise<unknown>;
  }>;
const allowed = (role: Role, need: Need) => can(role, need[0], need[1], need[2] ?? "own");

let companyId = "";
let contactId = "";
let offerId = "";
let eventId = "";
let projectId = "";
let occupationId = "";
beforeAll(async () => {
  await seedDemoData();
  companyId = (await db.company.findFirstOrThrow({ select: { id: true } })).id;
  contactId = (await db.contactPerson.findFirstOrThrow({ select: { id: true } })).id;
  const offer = await db.trainingOffer.findFirstOrThrow({
    where: {
      archivedAt: null,
      company: { archivedAt: null, outreachStatus: { not: "kein_interesse" } },
    },
    select: { id: true, occupationId: true, places: true, placesFilled: true },
  });
  offerId = offer.id;
  projectId = (await db.project.findFirstOrThrow({ select: { id: true } })).id;
  eventId = (
    await db.event.create({
      data: {
        type: "info_teilzeit",
        title: "Infoabend Route",
        startsAt: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
        place: "Magdeburg",
        forCompanies: true,
        publicSlug: "route-test",
      },
      select: { id: true },
    })
  ).id;
  occupationId = offer.occupationId;
}, 60_000);

/**
 * The concrete URL and route params for a spec path such as /unternehmen/:company; a participant
 * is made for the signed-in user, so that a coach's own scope includes it.
 */
async function resolve(p: string, userId?: string) {
  const ids: Record<string, string> = {
    company: companyId,
    contact: contactId,
    offer: offerId,
    event: eventId,
    project: projectId,
  };
  if (p.includes(":participant") || p.includes(":internship") || p.includes(":request")) {
    ids.participant = (
      await db.participant.create({
        data: {
          firstName: "Route",
          lastName: "Test",
          birthDate: new Date("2001-01-01"),
          coachId: userId,
        },
        select: { id: true },
      })
    ).id;
    ids.internship = (
      await db.internship.create({
        data: { participantId: ids.participant, companyId, occupationId },
        select: { id: true },
      })
    ).id;
    ids.request = (
      await db.subjectRequest.create({
        data: {
          kind: "auskunft",
          participantId: ids.participant,
          receivedOn: new Date(),
          dueOn: new Date(),
          recordedById: userId ?? (await db.user.findFirstOrThrow()).id,
        },
        select: { id: true },
      })
    ).id;
  }
  const name = /:(\w+)/.exec(p)?.[1];
  const url = p.replace(/:(\w+)/, (_, key: string) => ids[key] ?? "");
  return { url, params: name ? { id: ids[name] ?? "" } : {} };
}

describe("route access", () => {
  it("lists every route file", () => {
    // A folder route is its route.tsx; the other files in the folder are its parts.
    const files = readdirSync(routesDir, { withFileTypes: true })
      .map((e) => (e.isDirectory() ? `${e.name}/route.tsx` : e.name))
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".test."));
    expect(files.sort()).toEqual(ROUTES.map((r) => r.file).sort());
  });

  for (const spec of ROUTES.filter((r) => r.get || r.signedIn)) {
    it(`${spec.path} (${spec.file}) sends anonymous visitors to the login`, async () => {
      const route = await loadRoute(spec.file);
      const { url, params } = await resolve(spec.path);
      const res = await settle(() =>
        route.loader!({ request: makeRequest(url), params, context: testContext }),
      );
      expect(res.status).toBe(302);
      expect((res.value as Response).headers.get("Location")).toMatch(/^\/anmelden\?redirectTo=/);
    });
  }

  for (const role of ROLES) {
    for (const spec of ROUTES.filter((r) => r.get)) {
      const expected = allowed(role, spec.get!) ? (spec.getStatus ?? 200) : 403;
      it(`GET ${spec.path} as ${role} → ${expected}`, async () => {
        const { cookie, user } = await signedIn(role);
        const route = await loadRoute(spec.file);
        const { url, params } = await resolve(spec.path, user.id);
        const res = await settle(() =>
          route.loader!({ request: makeRequest(url, { cookie }), params, context: testContext }),
        );
        expect(res.status).toBe(expected);
      });
    }
    for (const spec of ROUTES.filter((r) => r.post)) {
      const ok = allowed(role, spec.post!);
      it(`POST ${spec.path} as ${role} → ${ok ? "allowed" : "403"}`, async () => {
        const { cookie, user } = await signedIn(role);
        const route = await loadRoute(spec.file);
        const { url, params } = await resolve(spec.path, user.id);
        const request = makeRequest(`${url}?intent=invite`, {
          cookie,
          form: spec.postForm ?? {},
        });
        const res = await settle(() => route.action!({ request, params, context: testContext }));
        expect(res.status).toBe(ok ? (spec.postStatus ?? 400) : 403);
      });
    }
  }
});
