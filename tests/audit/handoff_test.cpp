// The queue between audit verification's threads (src/audit/handoff.hpp): what a closed queue
// still hands on, what it refuses, and that a full one holds its producer back.
#include "audit/handoff.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace zeren::audit {
namespace {

TEST(Handoff, AClosedQueueStillHandsOnWhatWasQueuedThenNothing) {
  Handoff<int> q(2);
  EXPECT_TRUE(q.push(1));
  EXPECT_TRUE(q.push(2));
  q.close();
  EXPECT_FALSE(q.push(3));  // refused once closed
  EXPECT_EQ(q.pop(), 1);
  EXPECT_EQ(q.pop(), 2);
  EXPECT_EQ(q.pop(), std::nullopt);
}

TEST(Handoff, ItemsArriveInOrderThroughAFullQueue) {
  Handoff<int> q(1);
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(q.push(i));
    q.close();
  });
  std::vector<int> got;
  while (auto v = q.pop()) got.push_back(*v);
  producer.join();
  ASSERT_EQ(got.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(got[static_cast<std::size_t>(i)], i);
}

TEST(Handoff, ClosingReleasesAProducerWaitingOnAFullQueue) {
  Handoff<int> q(1);
  ASSERT_TRUE(q.push(1));
  bool pushed = true;
  std::thread producer([&] { pushed = q.push(2); });  // waits: the queue is full
  q.close();
  producer.join();
  EXPECT_FALSE(pushed);
  EXPECT_EQ(q.pop(), 1);
  EXPECT_EQ(q.pop(), std::nullopt);
}

TEST(Handoff, ClosingReleasesAConsumerWaitingOnAnEmptyQueue) {
  Handoff<int> q(1);
  std::optional<int> popped = 7;
  std::thread consumer([&] { popped = q.pop(); });  // waits: nothing queued
  q.close();
  consumer.join();
  EXPECT_EQ(popped, std::nullopt);
}

}  // namespace
}  // namespace zeren::audit
