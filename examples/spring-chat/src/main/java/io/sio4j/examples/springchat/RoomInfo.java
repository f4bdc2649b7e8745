package io.sio4j.examples.springchat;

import java.time.Instant;
import java.util.List;

/** {@code roomInfo}'s answer: who is in a room and how many messages it keeps. */
public record RoomInfo(String roomName, List<String> users, int messageCount, Instant checkedAt) {}
