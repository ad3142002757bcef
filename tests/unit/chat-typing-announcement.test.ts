// The typing status speaks once when someone starts, not at every refresh of the typing list.
import { describe, expect, it } from "vitest";
import { nextTypingAnnouncement, type TypingAnnouncement } from "#app/components/chat-conversation";

const claire = { userId: "u1", name: "Claire" };
const paul = { userId: "u2", name: "Paul" };

describe("nextTypingAnnouncement", () => {
  it("announces a start, keeps the same text while typing goes on, announces a newcomer, clears at the end", () => {
    let state: TypingAnnouncement = { userIds: [], text: "" };
    state = nextTypingAnnouncement(state, [claire]);
    expect(state.text).toBe("Claire est en train d’écrire…");
    const first = state.text;
    // The list is refreshed (same person): nothing new to say, the same text stays.
    state = nextTypingAnnouncement(state, [claire]);
    expect(state.text).toBe(first);
    state = nextTypingAnnouncement(state, [claire, paul]);
    expect(state.text).toBe("Claire, Paul sont en train d’écrire…");
    // Claire stops, Paul goes on: not a start, no new announcement.
    state = nextTypingAnnouncement(state, [paul]);
    expect(state.text).toBe("Claire, Paul sont en train d’écrire…");
    state = nextTypingAnnouncement(state, []);
    expect(state).toEqual({ userIds: [], text: "" });
    expect(nextTypingAnnouncement(state, [paul]).text).toBe("Paul est en train d’écrire…");
  });
});
