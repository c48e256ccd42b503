// Invented personal names for the demo and the generated histories: a surname and a given name,
// drawn from a seeded generator, so that a seed gives the same people. Fictional, never real data.
#pragma once

#include <iterator>
#include <random>
#include <string>

namespace zeren::app {

inline constexpr const char* kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
inline constexpr const char* kGivenNames[] = {
    "伟",   "芳",   "娜",   "敏",   "静",   "强",   "磊",   "军",  "洋", "勇",
    "艳",   "杰",   "涛",   "明",   "超",   "秀兰", "霞",   "平",  "刚", "桂英",
    "建华", "志强", "海燕", "国庆", "晓东", "丽娟", "文博", "子豪"};

inline std::string invented_name(std::mt19937_64& rng) {
  auto index = [&](auto& list) {
    return std::uniform_int_distribution<int>(0, static_cast<int>(std::size(list)) - 1)(rng);
  };
  // The given name is drawn first, as the demo always has: its seed keeps giving the same people.
  const int given = index(kGivenNames);
  return std::string(kSurnames[index(kSurnames)]) + kGivenNames[given];
}

}  // namespace zeren::app
