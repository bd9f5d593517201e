/** One entry of a company or contact timeline (shared by server and page). */
export type TimelineItem =
  | {
      kind: "interaction";
      id: string;
      at: Date;
      type: string;
      topics: string[];
      outcome: string | null;
      notes: string | null;
      author: string;
      contact: string | null;
    }
  | {
      kind: "followup";
      id: string;
      at: Date;
      title: string;
      assignee: string;
      due: Date;
      done: boolean;
    }
  | { kind: "status"; id: string; at: Date; from: string; to: string; by: string | null }
  | {
      kind: "internship";
      id: string;
      at: Date;
      status: string;
      occupation: string;
      participantId: string;
    }
  | { kind: "event"; id: string; at: Date; title: string; attendance: string | null };
